using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;

namespace Forewarn.Csaf.Mapping;

/// <summary>
/// Writes an advisory as a CSAF 2.0 security advisory (<c>csaf_security_advisory</c>): the
/// embargoed document staff and partners receive before release, and the public document from
/// the coordinated release time on. Both pass the schema and the mandatory tests (spec 6.1).
/// </summary>
public static class CsafExport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Served as application/json, never inside HTML: keep "+", "<", "&" and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The document before release: status interim (draft while the advisory is not scheduled at
    /// <paramref name="now"/>), the advisory's own TLP label, and a revision history of its
    /// revisions and of the waves that have gone out by <paramref name="now"/>.
    /// </summary>
    public static JsonObject Embargoed(Advisory advisory, IReadOnlyCollection<Wave> waves, CsafPublisher publisher, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        ArgumentNullException.ThrowIfNull(waves);
        var draft = advisory.ScheduledAt is not { } scheduled || scheduled > now;
        var history = CsafRevisionHistory.Embargoed(advisory, waves, now);
        var embargoed = !draft && now < advisory.ReleaseAt && !advisory.IsWithdrawnAt(now);
        var distribution = Distribution(advisory.Tlp, embargoed ? advisory.ReleaseAt : null);
        return Document(advisory, publisher, distribution, draft ? "draft" : "interim", history, now, released: false);
    }

    /// <summary>
    /// The public document at <paramref name="at"/>: status final, TLP:WHITE, first released at the
    /// advisory's release time; its version is 1 plus the revisions made since, as
    /// <see cref="Forewarn.Domain.Publishing.ReleaseSchedule.PublicVersionAt"/> counts them.
    /// </summary>
    /// <param name="advisory">The released advisory.</param>
    /// <param name="publisher">Who publishes the document.</param>
    /// <param name="at">The moment the document describes; revisions after it are left out.</param>
    /// <param name="canonicalUrl">
    /// Where the provider directory serves the document; when given, it is stated as the
    /// document's <c>self</c> reference (CSAF 6.2.11 recommends a canonical URL).
    /// </param>
    public static JsonObject Public(Advisory advisory, CsafPublisher publisher, DateTimeOffset at, string? canonicalUrl = null)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var history = CsafRevisionHistory.Public(advisory, at);
        var document = Document(advisory, publisher, Distribution(TlpLabel.Clear, null), "final", history, at, released: true);
        if (canonicalUrl is not null)
        {
            var references = document["document"]!["references"] as JsonArray;
            if (references is null)
            {
                references = [];
                document["document"]!["references"] = references;
            }
            references.Insert(0, new JsonObject
            {
                ["category"] = "self",
                ["summary"] = "Canonical URL",
                ["url"] = canonicalUrl,
            });
        }
        return document;
    }

    /// <summary>The document as UTF-8 JSON without a byte order mark, indented, the same bytes for the same document.</summary>
    public static byte[] Bytes(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Encoding.UTF8.GetBytes(document.ToJsonString(Indented) + "\n");
    }

    private static JsonObject Document(Advisory advisory, CsafPublisher publisher, JsonObject distribution,
        string status, CsafRevisionHistory history, DateTimeOffset now, bool released)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        var products = CsafProducts.Of(advisory);
        var document = new JsonObject();
        if (advisory.CvssVector is not null && advisory.CvssScore is { } score)
            document["aggregate_severity"] = new JsonObject { ["text"] = Domain.Cvss.CvssSeverity.Of(score) };
        document["category"] = "csaf_security_advisory";
        document["csaf_version"] = "2.0";
        document["distribution"] = distribution;
        document["lang"] = "en";
        var notes = CsafNotes.Document(advisory);
        if (notes.Count > 0) document["notes"] = notes;
        document["publisher"] = Publisher(publisher);
        if (advisory.References.Count > 0)
            document["references"] = new JsonArray([.. advisory.References.Select(r => (JsonNode)new JsonObject
            {
                ["category"] = r.Category,
                ["summary"] = r.Summary,
                ["url"] = r.Url,
            })]);
        document["title"] = advisory.Title;
        document["tracking"] = new JsonObject
        {
            ["current_release_date"] = CsafDates.Write(history.CurrentReleaseDate),
            ["generator"] = new JsonObject
            {
                ["date"] = CsafDates.Write(now),
                ["engine"] = new JsonObject { ["name"] = "Forewarn", ["version"] = EngineVersion() },
            },
            ["id"] = advisory.Reference,
            ["initial_release_date"] = CsafDates.Write(history.InitialReleaseDate),
            ["revision_history"] = history.ToJson(),
            ["status"] = status,
            ["version"] = history.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new JsonObject
        {
            ["document"] = document,
            ["product_tree"] = CsafProducts.Tree(products),
            ["vulnerabilities"] = CsafVulnerabilities.Of(advisory, products, released),
        };
    }

    private static JsonObject Distribution(TlpLabel label, DateTimeOffset? embargoedUntil)
    {
        var node = new JsonObject();
        var text = new List<string>();
        if (label == TlpLabel.AmberStrict) text.Add(CsafTlp.AmberStrictText);
        if (embargoedUntil is { } until)
            text.Add($"Embargoed until {Moments.Show(until)}: do not disclose before then.");
        if (text.Count > 0) node["text"] = string.Join(" ", text);
        node["tlp"] = new JsonObject { ["label"] = CsafTlp.Label(label), ["url"] = CsafTlp.Url };
        return node;
    }

    private static JsonObject Publisher(CsafPublisher publisher)
    {
        var node = new JsonObject { ["category"] = publisher.Category };
        if (!string.IsNullOrWhiteSpace(publisher.ContactDetails)) node["contact_details"] = publisher.ContactDetails.Trim();
        if (!string.IsNullOrWhiteSpace(publisher.IssuingAuthority)) node["issuing_authority"] = publisher.IssuingAuthority.Trim();
        node["name"] = publisher.Name;
        node["namespace"] = publisher.Namespace;
        return node;
    }

    private static string EngineVersion()
    {
        var informational = typeof(CsafExport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational?.Split('+')[0];
        return string.IsNullOrWhiteSpace(version) ? "1.0.0" : version;
    }
}
