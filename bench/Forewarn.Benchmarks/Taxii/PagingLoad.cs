using System.Diagnostics;
using Forewarn.Benchmarks.Http;

namespace Forewarn.Benchmarks.Taxii;

/// <summary>What N concurrent pagers did: whole passes, pages (requests), objects, and every page's latency.</summary>
public sealed class PagingResult(int pagers)
{
    public int Pagers { get; } = pagers;
    public PhaseResult Pages { get; } = new(CollectionPager.ObjectsPath);
    public long Passes { get; private set; }
    public long Objects { get; private set; }

    /// <summary>Passes that did not see exactly the reference collection (a missing, extra or repeated id).</summary>
    public long BadPasses { get; private set; }

    public List<string> Problems { get; } = [];

    public double PagesPerSecond => Pages.RequestsPerSecond;
    public double ObjectsPerSecond => Objects / Pages.Elapsed.TotalSeconds;
    public double SecondsPerPass => Pages.Elapsed.TotalSeconds * Pagers / Math.Max(1, Passes);

    internal void Add(long passes, long objects, long bad, IEnumerable<string> problems)
    {
        Passes += passes;
        Objects += objects;
        BadPasses += bad;
        Problems.AddRange(problems.Take(5));
    }
}

/// <summary>
/// A closed loop of whole-collection reads: each of N pagers reads the collection from the first
/// page to the last, checks it against the reference, and starts again while the phase's time
/// lasts. The phase ends when the last pass in flight finishes, and that is the time counted.
/// </summary>
public static class PagingLoad
{
    public static async Task<PagingResult> RunAsync(HttpClient client, string key, int limit, int pagers, TimeSpan duration,
        IReadOnlySet<string> reference, ServerProcess server, CancellationToken ct)
    {
        var result = new PagingResult(pagers);
        var serverCpuBefore = server.CpuTime;
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perPager = new (long Passes, long Pages, long Objects, long Bytes, long Bad, List<long> Ticks, List<string> Problems)[pagers];

        async Task Pager(int p)
        {
            var ticks = new List<long>(8192);
            var problems = new List<string>();
            long passes = 0, pages = 0, objects = 0, bytes = 0, bad = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var pass = await CollectionPager.ReadAllAsync(client, key, limit, ct);
                passes++;
                pages += pass.Pages;
                objects += pass.Ids.Count;
                bytes += pass.Bytes;
                ticks.AddRange(pass.PageTicks);
                if (Check(pass, reference) is { } problem)
                {
                    bad++;
                    problems.Add($"pager {p}, pass {passes}: {problem}");
                }
            }
            perPager[p] = (passes, pages, objects, bytes, bad, ticks, problems);
        }

        await Task.WhenAll(Enumerable.Range(0, pagers).Select(p => Task.Run(() => Pager(p), ct)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        result.Pages.Add(perPager.Sum(x => x.Pages), 0, perPager.Sum(x => x.Bytes), elapsed, server.CpuTime - serverCpuBefore,
            Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore, perPager.SelectMany(x => x.Ticks));
        result.Add(perPager.Sum(x => x.Passes), perPager.Sum(x => x.Objects), perPager.Sum(x => x.Bad), perPager.SelectMany(x => x.Problems));
        return result;
    }

    /// <summary>Exactly the reference ids, each once; or what is wrong.</summary>
    public static string? Check(CollectionPass pass, IReadOnlySet<string> reference)
    {
        var seen = new HashSet<string>(pass.Ids.Count, StringComparer.Ordinal);
        var duplicates = pass.Ids.Count(id => !seen.Add(id));
        var extra = seen.Count(id => !reference.Contains(id));
        var missing = reference.Count - (seen.Count - extra);
        return duplicates == 0 && extra == 0 && missing == 0
            ? null
            : $"{pass.Ids.Count} objects: {duplicates} duplicates, {missing} missing, {extra} not in the reference";
    }
}
