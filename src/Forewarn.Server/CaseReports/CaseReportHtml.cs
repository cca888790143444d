using System.Globalization;
using System.Xml.Linq;
using Forewarn.Domain.Common;
using Forewarn.Server.Timeline;
using Forewarn.Transparency;

namespace Forewarn.Server.CaseReports;

/// <summary>
/// A case report as one self-contained HTML file: inline style, the timeline as inline SVG, no script to
/// run and nothing fetched from elsewhere. Every cited log entry is embedded with its receipt as a JSON data
/// block (<see cref="ReportEvidence"/>), so <c>forewarn log verify-report</c> checks it with the log's key alone.
/// </summary>
public static class CaseReportHtml
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1240px;padding:0 1rem;color:#212121;line-height:1.4}
        h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f5f8}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dt{font-weight:600}
        code,pre{font-family:ui-monospace,monospace;font-size:.8rem;word-break:break-all;white-space:pre-wrap}svg{max-width:100%;height:auto}
        .note{color:#555}.warn{color:#8b1010}
        @media (max-width:40rem){body{margin:1rem auto}table{display:block;overflow-x:auto}dl{grid-template-columns:1fr}}
        """;

    public static string Render(CaseReport r)
    {
        var c = r.Case;
        var html = new HtmlWriter();
        html.Trusted("<!DOCTYPE html>").Open("html", ("lang", "en")).Open("head").Trusted("<meta charset=\"utf-8\">")
            .Element("title", $"Case report {c.Reference}: {c.Title}").Open("style").Trusted(Style).Close("style").Close("head").Open("body");
        html.Element("h1", $"Case {c.Reference}: {c.Title}");
        html.Open("dl");
        Pair(html, "Advisory", $"{c.Advisory}: {r.AdvisoryTitle}");
        Pair(html, "Release", Moments.Show(r.ReleaseAt));
        Pair(html, "State", c.State);
        Pair(html, "Opened", $"{Moments.Show(c.OpenedAt)} by {c.OpenedBy}");
        if (c.ClosedAt is { } closed) Pair(html, "Closed", $"{Moments.Show(closed)} by {c.ClosedBy}: {c.Summary}");
        Pair(html, "Report made", Moments.Show(r.MadeAt));
        Pair(html, "Transparency log", r.LogOrigin);
        html.Close("dl");

        html.Element("h2", "Timeline").Trusted(r.Timeline is { } t ? TimelineImages.SvgElement(t).ToString(SaveOptions.DisableFormatting) : "");
        Sightings(html, r);
        Exposure(html, r);
        Traces(html, r);
        Evidence(html, r);
        Decisions(html, r);
        Entries(html, r);
        html.Close("body").Close("html");
        return html.ToString();
    }

    private static void Sightings(HtmlWriter html, CaseReport r)
    {
        html.Element("h2", "Sightings");
        if (r.Sightings.Count == 0)
        {
            html.Element("p", "The case is linked to no sighting.", ("class", "note"));
            return;
        }
        html.Open("table").Header("Kind", "First observed", "Source", "Confidence", "Reported by", "Description");
        foreach (var s in r.Sightings)
            html.Row(s.Kind, s.FirstObservedAt is { } at ? Moments.Show(at) : "—", s.Source + (s.SourceUrl is { } u ? $" ({u})" : ""), s.Confidence ?? "—", s.ReportedBy, s.Description ?? "");
        html.Close("table");
    }

    private static void Exposure(HtmlWriter html, CaseReport r)
    {
        html.Element("h2", "Exposure: who held what before the moment");
        if (r.NoExposure is { } none) html.Element("p", none, ("class", "note"));
        foreach (var table in r.Exposure)
        {
            var e = table.Report;
            html.Element("h3", $"Before {Moments.Show(e.Before)} ({table.Source})");
            html.Element("p", e.Checkpoint is { } cp
                ? $"Read from the log up to its signed checkpoint of {cp.Size} entries ({Moments.Show(cp.SignedAt)}). Each first fetch names its log entry, embedded below with its proof."
                : "The log had no signed checkpoint when this was computed.", ("class", "note"));
            html.Open("table").Header("Group", "Partner", "Status at T", "Open since", "Told", "First fetch", "Classes fetched (copies, first entry)");
            foreach (var p in e.Groups.FetchedPoc.Concat(e.Groups.FetchedOther).Concat(e.Groups.EntitledNotFetched).Concat(e.Groups.Nothing))
                html.Row(p.Group, p.Partner, p.Status,
                    p.FirstOpenAt is { } open ? $"{Moments.Show(open)} ({Hours(p.OpenLeadHours)} before T)" : "—",
                    p.Notices.Count == 0 ? "—" : $"{Moments.Show(p.Notices[0].At)} ({p.Notices[0].Kind}){(p.Notices.Count > 1 ? $", {p.Notices.Count} notices" : "")}",
                    p.FirstFetchAt is { } fetch ? $"{Moments.Show(fetch)} ({Hours(p.FetchLeadHours)} before T)" : "—",
                    string.Join("; ", p.Classes.Where(x => x.FirstFetch is not null).Select(x =>
                        $"{x.Class} ×{x.Fetches}, entry {x.FirstFetch!.LogIndex} via {x.FirstFetch.Channel}, copy {Short(x.FirstFetch.CopySha256)}")));
            html.Close("table");
        }
    }

    private static void Traces(HtmlWriter html, CaseReport r)
    {
        html.Element("h2", "Traces");
        if (r.Traces.Count == 0)
        {
            html.Element("p", "No trace was run for this case.", ("class", "note"));
            return;
        }
        html.Open("table").Header("From", "Artifact", "Marks read", "Threshold", "Accused", "Verdict");
        foreach (var t in r.Traces)
            html.Row(t.Source, t.Artifact, t.MarksRead?.ToString(CultureInfo.InvariantCulture) ?? "—",
                t.Threshold?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—", t.Accused.Count == 0 ? "nobody" : string.Join(", ", t.Accused), t.Verdict);
        html.Close("table");
    }

    private static void Evidence(HtmlWriter html, CaseReport r)
    {
        html.Element("h2", "Evidence");
        if (r.Case.Evidence.Count == 0)
        {
            html.Element("p", "No evidence was added.", ("class", "note"));
            return;
        }
        html.Open("table").Header("No.", "Kind", "Added", "What", "SHA-256");
        foreach (var e in r.Case.Evidence)
        {
            var what = e.Kind switch
            {
                "note" => e.Text,
                "sighting" => $"sighting {e.SightingId}",
                "file" => $"{e.FileName} ({e.MediaType}, {e.Size} bytes)",
                "exposure" => $"exposure snapshot at the log's checkpoint of {e.Checkpoint?.Size} entries",
                _ => "trace result",
            };
            html.Row(e.Number.ToString(CultureInfo.InvariantCulture), e.Kind, $"{Moments.Show(e.AddedAt)} by {e.AddedBy}", what, e.Sha256);
        }
        html.Close("table");
    }

    private static void Decisions(HtmlWriter html, CaseReport r)
    {
        html.Element("h2", "Decisions and appeals");
        if (r.Case.Decisions.Count == 0)
        {
            html.Element("p", "No decision was taken.", ("class", "note"));
            return;
        }
        html.Open("table").Header("No.", "Partner", "Decision", "State", "Decided", "Reason", "Appeal");
        foreach (var d in r.Case.Decisions)
        {
            var kind = d.Kind + (d.Classes.Count > 0 ? $" ({string.Join(", ", d.Classes)})" : "") + (d.Tier is { } tier ? $" to {tier}" : "")
                + (d.Lifts is { } lifts ? $" lifts {lifts}" : "");
            var appeal = d.Appeal is not { } a ? "—"
                : $"{Moments.Show(a.At)}: {a.Text}" + (a.Outcome is { } o ? $" — {o} {(a.DecidedAt is { } at ? Moments.Show(at) : "")}: {a.Reason}" : " — not yet decided");
            html.Row(d.Number.ToString(CultureInfo.InvariantCulture), d.Partner, kind, d.State, $"{Moments.Show(d.EffectiveAt ?? d.DecidedAt)} by {d.DecidedBy}", d.Reason, appeal);
        }
        html.Close("table");
    }

    private static void Entries(HtmlWriter html, CaseReport r)
    {
        html.Element("h2", "Log entries cited, with their proofs");
        html.Element("p", "Every entry below is embedded in this file with its index, its inclusion proof and the signed checkpoint the proof leads to "
            + "(the data block \"forewarn-evidence\"). Check them all offline with the log's public key, obtained out of band: "
            + "forewarn log verify-report <this file> --key <log key>. How to check one by hand: docs/timeline.md.", ("class", "note"));
        foreach (var missing in r.Unproven) html.Element("p", missing, ("class", "warn"));
        html.Open("table").Header("Index", "Cited for", "Entry (canonical JSON, as the tree commits to it)", "Checkpoint");
        foreach (var e in r.Cited)
        {
            html.Open("tr", ("id", $"entry-{e.Receipt.Index}")).Element("td", e.Receipt.Index.ToString(CultureInfo.InvariantCulture)).Element("td", e.Cites)
                .Open("td").Element("code", System.Text.Encoding.UTF8.GetString(e.Receipt.Entry)).Close("td")
                .Element("td", $"{e.Receipt.Inclusion.Size} entries").Close("tr");
        }
        html.Close("table");
        if (r.Cited.Count > 0)
            html.Element("h3", "The signed checkpoint").Open("pre").Text(r.Cited[0].Receipt.Checkpoint).Close("pre");
        var data = new ReportEvidence(r.Case.Reference, [.. r.Cited.Select(e => new CitedReceipt(e.Cites, e.Receipt))]);
        html.Open("script", ("type", "application/json"), ("id", ReportEvidence.ElementId)).Trusted(data.ToJson()).Close("script");
    }

    private static void Pair(HtmlWriter html, string term, string? value) => html.Element("dt", term).Element("dd", value);

    private static string Hours(double? hours) => hours is { } h ? $"{h.ToString("0.#", CultureInfo.InvariantCulture)} h" : "—";

    private static string Short(string sha256) => sha256.Length > 16 ? sha256[..16] + "…" : sha256;
}
