using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Forewarn.Benchmarks.Http;
using Forewarn.Tracing;
using Forewarn.Tracing.Code;
using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Text;

namespace Forewarn.Benchmarks.Serving;

/// <summary>
/// What a first copy costs inside the Tracing library, without a server: the demo's Python PoC and
/// technical description prepared once, then each of N recipients' copies rendered (codeword,
/// edits, the copy's check) one after another on one thread. Separates the library's share of a
/// first download from the server's (decision, record, log), which <c>serve</c> measures whole.
/// </summary>
public static class CopyCostDriver
{
    public static int Run(string[] args)
    {
        var recipients = Array.IndexOf(args, "--recipients") is var i and >= 0 && i + 1 < args.Length
            ? int.Parse(args[i + 1], CultureInfo.InvariantCulture)
            : 300;
        Ahead = !args.Contains("--no-ahead");
        var root = DriverRun.RepoRoot();
        var secret = RandomNumberGenerator.GetBytes(32);
        var poc = File.ReadAllText(Path.Combine(root, "src/Forewarn.Server/Demo/Content/toolpane_poc.py"));
        var description = File.ReadAllText(Path.Combine(root, "src/Forewarn.Server/Demo/Content/toolpane_description.txt"));
        Console.WriteLine($"load {MachineFacts.LoadAverage()}");
        Measure("demo PoC (Python)", () => CodeMarks.Prepare(poc, CodeLanguage.Python), secret, recipients);
        Measure("demo description", () => TextMarks.Prepare(description), secret, recipients);
        Console.WriteLine($"load {MachineFacts.LoadAverage()}");
        return 0;
    }

    private static bool Ahead;

    private static (long Statements, long Whole) Compiles(IMarkedArtifact marks) =>
        marks is MarkedCode { Check: PythonCheck python } ? python.Compiles : (0, 0);

    private static void Measure(string name, Func<IMarkedArtifact> prepare, byte[] secret, int recipients)
    {
        var clock = Stopwatch.StartNew();
        var marks = prepare();
        var prepared = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var ahead = Ahead ? VariantPrecheck.Run(marks) : 0;
        var aheadMs = clock.Elapsed.TotalMilliseconds;
        var code = TardosCode.ForArtifact(secret, name, marks.Sites.Count);
        // Warm: the same path on other recipients first (JIT, python workers), not counted.
        for (var n = 0; n < 20; n++) marks.Render(code.CodewordOf(secret, name, $"warm-{n}"));
        var (codewords, renders) = (0.0, 0.0);
        var before = (Compiles(marks), Cpu.Own(), Cpu.Children());
        for (var n = 0; n < recipients; n++)
        {
            clock.Restart();
            var codeword = code.CodewordOf(secret, name, $"recipient-{n}");
            codewords += clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            marks.Render(codeword);
            renders += clock.Elapsed.TotalMilliseconds;
        }
        var after = (Compiles(marks), Cpu.Own(), Cpu.Children());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per first copy: statements compiled {(after.Item1.Statements - before.Item1.Statements) / (double)recipients:0.00}, whole copies compiled {(after.Item1.Whole - before.Item1.Whole) / (double)recipients:0.00}; " +
            $"CPU: this process {(after.Item2 - before.Item2) / recipients:0.000} ms, python3 workers {(after.Item3 - before.Item3) / recipients:0.000} ms"));
        var repeat = Stopwatch.StartNew();
        for (var n = 0; n < recipients; n++) marks.Render(code.CodewordOf(secret, name, $"recipient-{n}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {marks.Sites.Count} marks, prepared in {prepared:0} ms, {ahead} statements compiled ahead in {aheadMs:0} ms; per first copy: codeword {codewords / recipients:0.000} ms, render+check {renders / recipients:0.000} ms; " +
            $"same copies again {repeat.Elapsed.TotalMilliseconds / recipients:0.000} ms each ({recipients} recipients)"));
    }
}

/// <summary>CPU time used so far, in milliseconds: by this process, and by its live child processes (the python3 workers), from /proc.</summary>
internal static class Cpu
{
    public static double Own()
    {
        using var me = Process.GetCurrentProcess();
        return me.TotalProcessorTime.TotalMilliseconds;
    }

    public static double Children()
    {
        var me = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[1] == me) ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // A process that ended meanwhile, or not ours to read.
            }
        }
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }
}
