using System.Globalization;
using System.Text;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Serving;

/// <summary>The serving benchmark's results as a Markdown section for docs/benchmarks.md.</summary>
public static class ServeReport
{
    public static string Render(MachineFacts machine, int concurrency, IReadOnlyList<ServeRun> runs)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("### Serving fingerprinted copies");
        md.AppendLine();
        md.AppendLine(c, $"{machine.Cores} cores, {machine.Cpu}, {machine.Memory}, {machine.Os}, {machine.Runtime}; load before {machine.LoadBefore}, after {MachineFacts.LoadAverage()}. " +
                         $"{concurrency} downloads at a time; every marked copy checked distinct per partner and identical on repeat.");
        md.AppendLine();
        md.AppendLine("| store | phase | copies | seconds | copies/s | errors |");
        md.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in runs)
        {
            var s = r.Subjects;
            var demo = s.DescriptionId is not null;
            Row(md, r.Store, demo ? "unmarked: indicators and a notice of the PoC's and the description's sizes, as they are — first" : $"unmarked: indicators, {s.IndicatorsBytes:N0} B, as they are — first", r.Unmarked);
            Row(md, r.Store, demo
                ? $"the demo's Python PoC ({s.PocBytes:N0} B, {s.PocMarks} marks) and technical description — first copy per partner"
                : $"Python PoC, {s.PocBytes:N0} B, {s.PocMarks} marks — first copy per partner", r.Cold);
            Row(md, r.Store, "unmarked, in the blocks between the first copies' (as many downloads)", r.UnmarkedBeside);
            Row(md, r.Store, demo ? "the same copies — repeat downloads" : "the same PoC — repeat downloads", r.Repeat);
            Row(md, r.Store, "unmarked, last", r.UnmarkedAgain);
        }
        md.AppendLine();
        foreach (var r in runs)
            md.AppendLine(c, $"{r.Store}: first copies ÷ unmarked beside them: **{r.ColdRatioBeside:0.00}**; ÷ unmarked last: **{r.ColdRatioToLater:0.00}**; ÷ unmarked first: {r.ColdRatio:0.00}; repeats ÷ unmarked last: {r.RepeatRatio:0.00}.");
        md.AppendLine();
        foreach (var r in runs)
            md.AppendLine(c, $"{r.Store}: the PoC's marks were prepared in {r.Subjects.PrepareSeconds:0.00} s at upload (its copies then reuse the preparation).");
        return md.ToString();
    }

    private static void Row(StringBuilder md, string store, string what, ServePhase phase) =>
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {store} | {what} | {phase.Copies:N0} | {phase.Seconds:0.0} | {phase.CopiesPerSecond:N1} | {phase.Errors} |");
}
