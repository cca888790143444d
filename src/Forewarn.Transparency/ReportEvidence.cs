using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Transparency.Notes;

namespace Forewarn.Transparency;

/// <summary>A log entry a report cites, what it is cited for, and its receipt.</summary>
public sealed record CitedReceipt(string Cites, Receipt Receipt);

/// <summary>
/// The machine-readable part of a case report: every log entry the report cites, each as a receipt (entry,
/// index, inclusion proof, signed checkpoint) with what it is cited for. Embedded in the HTML as
/// <c>&lt;script type="application/json" id="forewarn-evidence"&gt;</c> (data, which browsers do not run), and
/// checked offline with the log's key alone (<see cref="Verify"/>):
/// <c>{"format":"forewarn-case-report/1","case":"CASE-…","entries":[{"cites","index","entry","inclusion","checkpoint"}]}</c>.
/// </summary>
public sealed record ReportEvidence(string Case, IReadOnlyList<CitedReceipt> Entries)
{
    public const string ElementId = "forewarn-evidence";
    public const string Format = "forewarn-case-report/1";

    /// <summary>
    /// The data block's JSON. The default encoder writes &lt;, &gt; and &amp; as \u escapes, so the text can never
    /// close the script element it sits in, whatever an entry holds.
    /// </summary>
    public string ToJson() => new JsonObject
    {
        ["format"] = Format,
        ["case"] = Case,
        ["entries"] = new JsonArray([.. Entries.Select(e =>
        {
            var o = e.Receipt.ToJson();
            o.Insert(0, "cites", e.Cites);
            return (JsonNode)o;
        })]),
    }.ToJsonString();

    /// <summary>The data block of a report's HTML; a sentence (<see cref="FormatException"/>) when there is none or it is not one.</summary>
    public static ReportEvidence FromHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var marker = html.IndexOf($"id=\"{ElementId}\"", StringComparison.Ordinal);
        if (marker < 0) throw new FormatException($"it holds no <script id=\"{ElementId}\"> data block: it is not a Forewarn case report.");
        var start = html.IndexOf('>', marker) + 1;
        var end = html.IndexOf("</script", start, StringComparison.OrdinalIgnoreCase);
        if (start <= 0 || end < 0) throw new FormatException($"its <script id=\"{ElementId}\"> data block is not closed.");
        return Parse(html[start..end]);
    }

    public static ReportEvidence Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the report's data block is not JSON: {e.Message}");
        }
        var o = LogJson.Object(node, "The report's data block");
        if (o["format"]?.GetValueKind() != JsonValueKind.String || LogJson.Text(o, "format") != Format)
            throw new FormatException($"the report's data block is not of the format {Format}.");
        if (o["entries"] is not JsonArray entries) throw new FormatException("\"entries\" is an array of receipts.");
        var cited = new List<CitedReceipt>(entries.Count);
        foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
        {
            var e = LogJson.Object(entry, $"Entry {i} of the data block");
            try
            {
                cited.Add(new CitedReceipt(e["cites"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "", Receipt.Parse(e.ToJsonString())));
            }
            catch (FormatException x)
            {
                throw new FormatException($"entry {i} of the data block is not a receipt: {x.Message}");
            }
        }
        return new ReportEvidence(LogJson.Text(o, "case"), cited);
    }

    /// <summary>Checks every cited entry as a receipt; the first that fails is named, with what it was cited for.</summary>
    public Verdict Verify(NoteKey key)
    {
        foreach (var (cites, receipt) in Entries)
        {
            var verdict = LogVerifier.Receipt(receipt, key);
            if (!verdict.Holds) return Verdict.Fails($"Entry {receipt.Index} ({cites}) does not verify: {verdict.Sentence}");
        }
        var sizes = Entries.Select(e => e.Receipt.Inclusion.Size).Distinct().Order().ToList();
        return new Verdict(true, Entries.Count == 0
            ? $"The report of {Case} cites no log entries: there is nothing to verify."
            : $"All {Entries.Count} log entries cited by the report of {Case} verify: each hashes to its leaf and its inclusion proof leads to the root of "
              + $"the signed checkpoint{(sizes.Count == 1 ? "" : "s")} of {string.Join(", ", sizes)} entries of {key.Name}.");
    }
}
