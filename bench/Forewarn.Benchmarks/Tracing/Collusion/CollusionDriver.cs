using System.Diagnostics;
using System.Globalization;
using System.Text;
using Forewarn.Benchmarks.Http;
using Forewarn.Tracing.Trace;

namespace Forewarn.Benchmarks.Tracing.Collusion;

/// <summary>
/// `collusion [--trials 200] [--poc-trials 30] [--single-trials 20] [--recipients 300] [--only prose2,prose3,poc2,mixed2,normalised,rewritten,repicked,unparse,black] [--markdown FILE]`:
/// issue 16's targets, simulated with the demo advisory FW-2025-0708 as the server marks it (its
/// prose and its Python PoC, the current marker version, each artifact's code under its own key,
/// traced together as one code across the advisory by <see cref="Tracer"/>, ε = 10⁻⁶). Every
/// trial draws a fresh programme secret and fresh colluders; each case runs twice: among the
/// demo's recipients (5 partners holding the advisory, a population of 14 — every partner the demo
/// programme has) and among hundreds of recipients.
/// </summary>
internal static class CollusionDriver
{
    private const int DemoPopulation = 14;
    private const int DemoRecipients = 5;

    public static int Run(string[] args)
    {
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length
            ? args[o + 1].Split(',') : ["prose2", "prose3", "poc2", "mixed2", "normalised", "rewritten", "repicked", "unparse", "black"];
        var markdown = Array.IndexOf(args, "--markdown") is var f and >= 0 && f + 1 < args.Length ? args[f + 1] : null;
        var trials = Option("--trials", 200);
        var pocTrials = Option("--poc-trials", 30);
        var singleTrials = Option("--single-trials", 20);
        var many = Option("--recipients", 300);
        var machine = MachineFacts.Read();
        var md = new StringBuilder();
        void Line(string s = "") { md.AppendLine(s); Console.WriteLine(s); }
        var clock = Stopwatch.StartNew();
        var demo = DemoAdvisoryMarks.Prepare();
        Line($"Collusion benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {machine.Cores} cores ({machine.Cpu}); {machine.Runtime}; load average before: {machine.LoadBefore}");
        Line($"Demo advisory FW-2025-0708 prepared in {clock.Elapsed.TotalSeconds:F1} s. ε = 10⁻⁶ for the whole population.");
        Line();
        Line("| artifact | size | marks | density | kinds |");
        Line("|---|---:|---:|---:|---|");
        foreach (var a in demo.Prose.Append(demo.Poc))
        {
            var kinds = string.Join(", ", a.Marks.Sites.GroupBy(s => s.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"));
            var size = a.IsCode ? $"{a.Lines} lines" : $"{a.Words} words";
            var density = a.IsCode ? $"{a.Marks.Sites.Count * 100.0 / a.Lines:F1} per 100 lines" : $"{a.Marks.Sites.Count * 1000.0 / a.Words:F1} per 1,000 words";
            Line($"| {a.Name} | {size} | {a.Marks.Sites.Count} | {density} | {kinds} |");
        }
        Line();
        Line("| case | population (colluders drawn among) | colluders | trials | caught | leaks with an innocent accused | mean marks read | mean threshold | mean best colluder score | seconds |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var cases = new List<(string Name, string Label, int Colluders, int Trials, Func<DemoAdvisoryMarks, IReadOnlyList<DemoArtifact>> Artifacts, Leak Leak)>
        {
            ("prose2", "2 colluders mixing the whole advisory's prose", 2, trials, d => d.Prose, Leaks.MixProse),
            ("prose3", "3 colluders mixing the whole advisory's prose", 3, trials, d => d.Prose, Leaks.MixProse),
            ("poc2", "2 colluders interleaving the Python PoC", 2, pocTrials, d => [d.Poc], Leaks.MixPoc),
            ("mixed2", "2 colluders mixing prose + PoC", 2, trials, d => [.. d.Prose, d.Poc], Leaks.MixAll),
            ("normalised", "one partner's description, every variant class normalised", 1, singleTrials, d => [.. d.Prose, d.Poc], Leaks.Normalised),
            ("rewritten", "one partner's description rewritten sentence by sentence, facts kept", 1, singleTrials, d => [.. d.Prose, d.Poc], Leaks.Rewritten),
            ("repicked", "one partner's description, every marked word re-picked at random, all else kept", 1, singleTrials, d => [.. d.Prose, d.Poc], Leaks.Repicked),
            ("unparse", "one partner's Python PoC after ast.unparse", 1, singleTrials, d => [d.Poc], Leaks.Unparse),
            ("black", "one partner's Python PoC after black", 1, singleTrials, d => [d.Poc], Leaks.Black),
        };
        foreach (var c in cases.Where(c => only.Contains(c.Name)))
        {
            foreach (var (population, among) in new[] { (DemoPopulation, DemoRecipients), (many, many) })
            {
                var watch = Stopwatch.StartNew();
                var tally = Simulate(c.Artifacts(demo), c.Colluders, c.Trials, population, among, c.Leak, seed: StableSeed(c.Name));
                if (tally is null) { Line($"| {c.Label} | {population} ({among}) | {c.Colluders} | — | not run: {c.Name} needs a program not installed | | | | | |"); break; }
                Line($"| {c.Label} | {population} ({among}) | {c.Colluders} | {tally.Trials} | **{tally.Caught}/{tally.Trials}** | {tally.LeaksWithInnocentAccused} | "
                    + $"{tally.MeanMarksRead:F1} | {tally.MeanThreshold:F1} | {tally.MeanBestColluder:F1} | {watch.Elapsed.TotalSeconds:F0} |");
            }
        }
        Line();
        Line($"Total {clock.Elapsed.TotalSeconds:F0} s.");
        if (markdown is not null) File.WriteAllText(markdown, md.ToString());
        return 0;
    }

    // string.GetHashCode differs from process to process: a run would not repeat the last one's trials.
    private static int StableSeed(string name) => name.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & 0xffff;

    private static SimulationTally? Simulate(IReadOnlyList<DemoArtifact> artifacts, int colluders, int trials, int population, int among, Leak leak, int seed)
    {
        var names = Enumerable.Range(0, population).Select(j => $"partner-{j:0000}").ToArray();
        var results = new (bool Caught, bool Innocent, int Read, double Threshold, double Best)?[trials];
        var missing = false;
        Parallel.For(0, trials, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t =>
        {
            var random = new Random(seed * 7919 + t);
            var secret = new byte[32];
            random.NextBytes(secret);
            var coded = DemoAdvisoryMarks.Coded(artifacts, secret);
            var guilty = names.Take(among).OrderBy(_ => random.Next()).Take(colluders).ToArray();
            var copies = guilty.Select(g => (IReadOnlyList<string>)[.. coded.Select(a => DemoAdvisoryMarks.CopyOf(a, secret, g))]).ToList();
            var leaked = leak(coded, copies, random);
            if (leaked is null) { missing = true; return; }
            var result = Tracer.Trace(coded, secret, names, leaked);
            var accused = result.Accused.Select(a => a.Recipient).ToHashSet(StringComparer.Ordinal);
            var best = result.Accused.Concat(result.NearMisses).Where(s => guilty.Contains(s.Recipient)).Select(s => s.Score).DefaultIfEmpty(double.NaN).Max();
            results[t] = (guilty.Any(accused.Contains), accused.Any(a => !guilty.Contains(a)), result.MarksRead, result.Threshold, best);
        });
        if (missing) return null;
        var done = results.Select(r => r!.Value).ToList();
        return new SimulationTally(trials, done.Count(r => r.Caught), done.Count(r => r.Innocent), done.Average(r => r.Read),
            done.Where(r => double.IsFinite(r.Threshold)).Select(r => r.Threshold).DefaultIfEmpty(double.NaN).Average(),
            done.Where(r => double.IsFinite(r.Best)).Select(r => r.Best).DefaultIfEmpty(double.NaN).Average());
    }
}

/// <summary>How a leak is made from the colluders' copies (one list per colluder, one copy per artifact); null when it cannot be made here.</summary>
internal delegate string? Leak(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random);

internal sealed record SimulationTally(int Trials, int Caught, int LeaksWithInnocentAccused, double MeanMarksRead, double MeanThreshold, double MeanBestColluder);

/// <summary>The leaks of each case.</summary>
internal static class Leaks
{
    public static string? MixProse(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random) =>
        string.Join("\n\n", artifacts.Select((_, k) => CopyAttacks.MixSentences([.. copies.Select(c => c[k])], random)));

    public static string? MixPoc(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random) =>
        CopyAttacks.InterleaveLines([.. copies.Select(c => c[0])], random);

    /// <summary>The prose mixed sentence by sentence, then the PoC interleaved, pasted into one file.</summary>
    public static string? MixAll(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random)
    {
        var prose = string.Join("\n\n", artifacts.SkipLast(1).Select((_, k) => CopyAttacks.MixSentences([.. copies.Select(c => c[k])], random)));
        return prose + "\n\n" + CopyAttacks.InterleaveLines([.. copies.Select(c => c[^1])], random);
    }

    /// <summary>The description (the first artifact) as a careful leaker passes it on; traced against the whole advisory.</summary>
    public static string? Normalised(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random) =>
        Forewarn.Tracing.Tests.Text.Normaliser.Normalise(copies[0][0], random.Next());

    /// <summary>Every plain word reworded (names, numbers and the author's example values kept): contexts and word marks gone.</summary>
    public static string? Rewritten(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random) =>
        Forewarn.Tracing.Tests.Text.Rewriter.Reword(copies[0][0]);

    /// <summary>An adversary who knows the word lists: every marked word re-picked at random, occurrence by occurrence, every other word kept.</summary>
    public static string? Repicked(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random) =>
        Forewarn.Tracing.Tests.Text.Rewriter.Rewrite(copies[0][0], random.Next());

    public static string? Unparse(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random) =>
        CopyAttacks.AstUnparse(copies[0][0]);

    public static string? Black(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<string>> copies, Random random) =>
        CopyAttacks.Black(copies[0][0]);
}
