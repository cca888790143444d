using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Forewarn.Domain.Advisories;

namespace Forewarn.Stix.Mapping;

/// <summary>
/// The objects of the advisory itself: the programme's identity, one vulnerability per CVE (or one
/// named by the advisory's reference) and the report that describes the advisory.
/// </summary>
internal static partial class AdvisoryObjects
{
    // The STIX schema's shape of a CVE id in an external reference (no leading zero beyond four digits).
    [GeneratedRegex(@"^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$")]
    private static partial Regex CveReference();

    public static JsonObject Identity(StixProgramme programme)
    {
        // The programme's identity is public whatever the advisory: TLP:CLEAR.
        var o = StixCommon.Object("identity", programme.IdentityId, programme.Created, programme.Created, programme.IdentityId, TlpLabel.Clear);
        o["name"] = programme.Name;
        o["identity_class"] = "organization";
        if (!string.IsNullOrWhiteSpace(programme.ContactInformation)) o["contact_information"] = programme.ContactInformation;
        return o;
    }

    /// <summary>When the advisory was created and last revised.</summary>
    public static (DateTimeOffset Created, DateTimeOffset Modified) Times(Advisory advisory)
    {
        var last = advisory.Revisions.Select(r => r.At).DefaultIfEmpty(advisory.CreatedAt).Max();
        return (advisory.CreatedAt, last < advisory.CreatedAt ? advisory.CreatedAt : last);
    }

    public static IReadOnlyList<JsonObject> Vulnerabilities(Advisory advisory, string createdBy)
    {
        var (created, modified) = Times(advisory);
        if (advisory.CveIds.Count == 0)
        {
            var only = StixCommon.Object("vulnerability", VulnerabilityId(advisory, advisory.Reference), created, modified, createdBy, advisory.Tlp);
            only["name"] = advisory.Reference;
            Describe(only, advisory.Vulnerabilities.Count == 1 ? advisory.Vulnerabilities[0] : null, advisory);
            return [only];
        }
        return [.. advisory.CveIds.Select(cve =>
        {
            var o = StixCommon.Object("vulnerability", VulnerabilityId(advisory, cve), created, modified, createdBy, advisory.Tlp);
            o["name"] = cve;
            var details = advisory.Vulnerabilities.FirstOrDefault(v => v.Cve == cve);
            Describe(o, details, advisory);
            var references = new JsonArray();
            if (CveReference().IsMatch(cve))
                references.Add(new JsonObject { ["source_name"] = "cve", ["external_id"] = cve });
            if (details?.CweId is { Length: > 0 } cwe)
                references.Add(new JsonObject { ["source_name"] = "cwe", ["external_id"] = cwe });
            if (references.Count > 0) o["external_references"] = references;
            return o;
        })];
    }

    public static JsonObject Report(Advisory advisory, IEnumerable<string> vulnerabilityIds, string createdBy)
    {
        var (created, modified) = Times(advisory);
        var o = StixCommon.Object("report", ReportId(advisory), created, modified, createdBy, advisory.Tlp);
        o["name"] = advisory.Title;
        if (!string.IsNullOrWhiteSpace(advisory.Summary)) o["description"] = advisory.Summary;
        o["published"] = StixTime.Format(advisory.ReleaseAt);
        o["report_types"] = StixCommon.Strings(["vulnerability"]);
        o["object_refs"] = StixCommon.Strings(vulnerabilityIds);
        var references = new JsonArray(new JsonObject { ["source_name"] = "forewarn", ["external_id"] = advisory.Reference });
        foreach (var r in advisory.References)
        {
            references.Add(new JsonObject
            {
                ["source_name"] = r.Category == "self" ? "forewarn" : Uri.TryCreate(r.Url, UriKind.Absolute, out var u) ? u.Host : "external",
                ["description"] = r.Summary,
                ["url"] = r.Url,
            });
        }
        o["external_references"] = references;
        return o;
    }

    public static string ReportId(Advisory advisory) => StixId.For("report", $"advisory/{advisory.Id}");

    private static string VulnerabilityId(Advisory advisory, string name) => StixId.For("vulnerability", $"advisory/{advisory.Id}/{name}");

    private static void Describe(JsonObject o, Vulnerability? details, Advisory advisory)
    {
        var text = details?.Notes.FirstOrDefault(n => n.Category is "description" or "summary")?.Text
            ?? details?.Title
            ?? (string.IsNullOrWhiteSpace(advisory.Summary) ? null : advisory.Summary);
        if (!string.IsNullOrWhiteSpace(text)) o["description"] = text;
    }
}
