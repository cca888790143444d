using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using static Forewarn.Csaf.Mapping.CsafProductTreeReader;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// Reads a CSAF 2.0 document of any category into what a Forewarn advisory holds, and says what
/// it leaves behind (<see cref="CsafImported.NotHeld"/>).
/// </summary>
public static class CsafImport
{
    private const int TitleLimit = 300;
    private const int SummaryLimit = 8000;

    /// <summary>Reads <paramref name="document"/>; throws <see cref="DomainException"/> "invalid-csaf" when it is not a CSAF 2.0 document Forewarn can read.</summary>
    public static CsafImported Read(JsonNode document)
    {
        if (document is not JsonObject root || root["document"] is not JsonObject doc)
            throw Invalid("The file is not a CSAF document: it has no 'document' object.");
        if (Text(doc["csaf_version"]) != "2.0")
            throw Invalid($"The document says csaf_version '{Text(doc["csaf_version"])}'; Forewarn reads CSAF 2.0.");
        var tracking = doc["tracking"] as JsonObject;
        var id = Text(tracking?["id"]) ?? throw Invalid("The document has no tracking id (document/tracking/id).");
        var title = Text(doc["title"]) ?? throw Invalid("The document has no title (document/title).");
        var releaseAt = CsafDates.Read(Text(tracking?["current_release_date"])) ?? CsafDates.Read(Text(tracking?["initial_release_date"]))
            ?? throw Invalid("The document has no release date (document/tracking/current_release_date).");

        try
        {
            return Read(root, doc, tracking!, id, title, releaseAt);
        }
        catch (DomainException e) when (e.Code != "invalid-csaf")
        {
            throw Invalid($"{id} cannot be imported: {e.Message}");
        }
    }

    private static CsafImported Read(JsonObject root, JsonObject doc, JsonObject tracking, string id, string title, DateTimeOffset releaseAt)
    {
        var notHeld = new CsafNotHeld();
        var notes = CsafDocumentReader.Notes(doc["notes"]);
        var references = new List<AdvisoryReference>();
        foreach (var reference in Items(doc["references"])) CsafDocumentReader.AddReference(reference, references, notHeld);
        var tree = CsafProductTreeReader.Read(root["product_tree"], notHeld);
        var vulnerabilities = CsafVulnerabilityReader.Read(root["vulnerabilities"], tree, references, notHeld);
        var tlp = CsafTlp.Read(Text(doc["distribution"]?["tlp"]?["label"]), Text(doc["distribution"]?["text"]));
        var details = new AdvisoryDetails(tlp, notes, references, tree.Products, vulnerabilities).Checked();

        DocumentNotHeld(doc, tracking, notHeld);
        var sentences = notHeld.Sentences().ToList();
        if (title.Length > TitleLimit)
        {
            title = title[..(TitleLimit - 1)].TrimEnd() + "…";
            sentences.Add($"The title is shortened to {TitleLimit} characters.");
        }
        var summary = (notes.FirstOrDefault(n => n.Category == "summary") ?? notes.FirstOrDefault(n => n.Category == "description"))?.Text ?? "";
        if (summary.Length > SummaryLimit)
        {
            summary = summary[..(SummaryLimit - 1)].TrimEnd() + "…";
            sentences.Add($"The summary is shortened to {SummaryLimit} characters; the whole text stays in the notes.");
        }
        return new CsafImported(CsafReference.From(id), title, summary,
            [.. details.Vulnerabilities.Select(v => v.Cve).OfType<string>()], null, releaseAt, details, sentences);
    }

    private static void DocumentNotHeld(JsonObject doc, JsonObject tracking, CsafNotHeld notHeld)
    {
        notHeld.CountItems([doc], "acknowledgments", "document acknowledgment", "document acknowledgments", "not held");
        notHeld.CountItems([doc], "aggregate_severity", "aggregate severity", "aggregate severities",
            "not held; Forewarn shows the highest CVSS score instead");
        notHeld.CountItems([tracking], "revision_history", "entry of the source revision history", "entries of the source revision history",
            "not held; Forewarn starts its own");
        notHeld.CountItems([tracking], "aliases", "tracking alias", "tracking aliases", "not held");
        if (Text(doc["distribution"]?["text"]) is not null)
            notHeld.Count("distribution text", "distribution texts", "not held beyond a TLP:AMBER+STRICT marking");
        notHeld.CountItems([doc], "publisher", "publisher", "publishers", "not held; Forewarn exports under its own publisher");
    }

    private static DomainException Invalid(string sentence) => new("invalid-csaf", sentence);
}
