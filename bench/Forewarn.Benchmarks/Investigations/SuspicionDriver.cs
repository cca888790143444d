using System.Diagnostics;
using System.Globalization;
using System.Text;
using Forewarn.Benchmarks.Http;
using Forewarn.Domain.Investigations;

namespace Forewarn.Benchmarks.Investigations;

/// <summary>
/// `suspicion [--incidents 1000] [--partners 10000] [--runs 5] [--sizes 1,5,20,100,500,2000] [--trials 20] [--markdown FILE]`:
/// the suspicion model (docs/suspicion.md) — (a) the time to weigh 1,000 incidents over 10,000
/// partners, for small and for large suspect sets; (b) after how many incidents a planted leaker,
/// in every set, is flagged, per set size, at the default 1 % false-alarm rate for the programme.
/// </summary>
internal static class SuspicionDriver
{
    public static int Run(string[] args)
    {
        int Option(string name, int fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var markdown = Array.IndexOf(args, "--markdown") is var f and >= 0 && f + 1 < args.Length ? args[f + 1] : null;
        var sizes = Array.IndexOf(args, "--sizes") is var z and >= 0 && z + 1 < args.Length
            ? args[z + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
            : [1, 5, 20, 100, 500, 2000];
        var incidents = Option("--incidents", 1000);
        var population = Option("--partners", 10_000);
        var runs = Option("--runs", 5);
        var trials = Option("--trials", 20);
        var machine = MachineFacts.Read();
        var md = new StringBuilder();
        void Line(string s = "") { md.AppendLine(s); Console.WriteLine(s); }
        Line($"Suspicion benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {machine.Cores} cores ({machine.Cpu}); {machine.Runtime}; load average before: {machine.LoadBefore}");
        Line();
        var partners = Enumerable.Range(0, population).Select(i => new Guid(i + 1, 0, 0, new byte[8])).ToArray();
        var settings = SuspicionSettings.Default;

        Line($"### (a) {incidents:N0} incidents × {population:N0} partners (median of {runs} runs)");
        Line();
        Line("| set sizes | suspects in all | partners weighed | largest score | time (median) | min | flagged (no leaker) |");
        Line("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var largest in new[] { 50, 1000, population })
        {
            var random = new Random(largest);
            var programme = Enumerable.Range(0, incidents).Select(i => Draw(random, partners, random.Next(1, largest + 1), null)).ToList();
            IReadOnlyList<PartnerSuspicion> result = [];
            var times = new List<double>();
            for (var r = 0; r < runs; r++)
            {
                var watch = Stopwatch.StartNew();
                result = SuspicionModel.Assess(programme, population, settings);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Line($"| 1–{largest:N0} | {programme.Sum(p => p.Suspects.Count):N0} | {result.Count:N0} | {result.Max(s => s.Score):N0} | {times[times.Count / 2]:N0} ms | {times[0]:N0} ms | {result.Count(s => s.Flagged)} |");
        }
        Line();

        Line($"### (b) After how many incidents a planted leaker is flagged ({population:N0} partners, {trials} trials per row)");
        Line();
        Line("The leaker is in every set, having fetched the PoC or other detail (even odds); the rest of each set is drawn at random with random holdings.");
        Line();
        Line("| set size | median | fastest | slowest | chance share per incident | innocents flagged |");
        Line("|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var after = new List<int>();
            var innocents = 0;
            for (var t = 0; t < trials; t++)
            {
                var random = new Random(1000 * size + t);
                var leaker = partners[random.Next(population)];
                var programme = new List<Incident>();
                while (programme.Count < incidents)
                {
                    programme.Add(Draw(random, partners, size, new Suspect(leaker, random.Next(2) == 0 ? Holding.FetchedOther : Holding.FetchedPoc)));
                    var flagged = SuspicionModel.Assess(programme, population, settings).Where(s => s.Flagged).ToList();
                    if (flagged.Any(s => s.Partner == leaker))
                    {
                        innocents += flagged.Count - 1;
                        break;
                    }
                }
                after.Add(programme.Count);
            }
            after.Sort();
            Line($"| {size:N0} | {after[after.Count / 2]} | {after[0]} | {after[^1]}{(after[^1] >= incidents ? " (not flagged)" : "")} | {(double)size / population:P2} | {innocents} |");
        }
        Line();
        if (markdown is not null) File.WriteAllText(markdown, md.ToString());
        return 0;
    }

    private static Incident Draw(Random random, Guid[] partners, int size, Suspect? planted)
    {
        var suspects = new List<Suspect>(size);
        var taken = new HashSet<Guid>();
        if (planted is not null) { suspects.Add(planted); taken.Add(planted.Partner); }
        while (suspects.Count < size)
        {
            var p = partners[random.Next(partners.Length)];
            if (taken.Add(p)) suspects.Add(new Suspect(p, random.Next(20) switch
            {
                < 10 => Holding.EntitledNotFetched,
                < 15 => Holding.FetchedOther,
                < 19 => Holding.FetchedPoc,
                _ => Holding.Accused,
            }));
        }
        return new Incident($"incident {random.Next()}", partners.Length, suspects);
    }
}
