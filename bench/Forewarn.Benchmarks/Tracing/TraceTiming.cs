using System.Diagnostics;
using Forewarn.Tracing.Tardos;

namespace Forewarn.Benchmarks.Tracing;

/// <summary>One timing: wall-clock median and best of the runs, and the process CPU time per run.</summary>
internal sealed record TraceTime(int Population, int Sites, int Design, bool OneBitPerSite, int Runs, double MedianMs, double BestMs, double CpuMsPerRun, bool LeakerNamedAlone);

/// <summary>
/// Target (c): a trace against a whole population, end to end — prepare the read marks, the
/// threshold, regenerate every recipient's codeword from the secret and score it (all cores),
/// pick out the accused. The leak is one recipient's complete copy.
/// </summary>
internal static class TraceTiming
{
    public static TraceTime Measure(int population, int sites, int? design, int runs)
    {
        var names = Enumerable.Range(0, population).Select(j => $"partner-{j:000000}").ToArray();
        var secret = new byte[32];
        new Random(3).NextBytes(secret);
        const string artifact = "advisory-under-embargo";
        var code = design is { } d ? TardosCode.ForArtifact(secret, artifact, sites, d) : TardosCode.ForArtifact(secret, artifact, sites);
        var leaker = population / 3;
        var read = code.CodewordOf(secret, artifact, names[leaker]).Select(b => (byte?)b).ToArray();
        List<int> Trace()
        {
            var marks = new ReadMarks(code, read);
            var threshold = AccusationThreshold.For(marks, population, 1e-6);
            var scores = code.ScoreAll(secret, artifact, names, marks);
            var accused = new List<int>();
            for (var j = 0; j < scores.Length; j++) if (scores[j] > threshold) accused.Add(j);
            return accused;
        }
        var named = true;
        for (var w = 0; w < 3; w++) named &= Trace() is [var only] && only == leaker;
        var walls = new List<double>();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        for (var r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            var accused = Trace();
            walls.Add(sw.Elapsed.TotalMilliseconds);
            named &= accused is [var only] && only == leaker;
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
        walls.Sort();
        return new TraceTime(population, sites, code.DesignCollusion, code.Source(secret, artifact).OneBitPerSite, runs,
            walls[runs / 2], walls[0], cpu, named);
    }

    /// <summary>
    /// The old path (per-recipient HMAC-SHA256 stream per 8 bytes, per-site score, one thread) on
    /// <paramref name="sample"/> recipients, scaled to <paramref name="population"/>: milliseconds.
    /// </summary>
    public static double LegacyMs(int population, int sites, int sample)
    {
        var secret = new byte[32];
        new Random(3).NextBytes(secret);
        var code = TardosCode.ForArtifact(secret, "advisory-under-embargo", sites);
        var read = LegacyCodeword.CodewordOf(secret, "advisory-under-embargo", "leaker", code.Biases).Select(b => (byte?)b).ToArray();
        for (var j = 0; j < 200; j++) LegacyCodeword.Score(LegacyCodeword.CodewordOf(secret, "advisory-under-embargo", $"w{j}", code.Biases), read, code.Biases);
        var sw = Stopwatch.StartNew();
        var sum = 0.0;
        for (var j = 0; j < sample; j++)
            sum += LegacyCodeword.Score(LegacyCodeword.CodewordOf(secret, "advisory-under-embargo", $"partner-{j:000000}", code.Biases), read, code.Biases);
        GC.KeepAlive(sum);
        return sw.Elapsed.TotalMilliseconds * population / sample;
    }
}
