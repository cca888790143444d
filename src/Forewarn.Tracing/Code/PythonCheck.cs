using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Code;

/// <summary>
/// A Python copy is sound when CPython compiles it (<c>compile(source, '&lt;poc&gt;', 'exec')</c>:
/// the parser and the symbol table), in a pooled <c>python3</c> worker (<see cref="PythonWorker"/>)
/// or, when none can answer, in a <c>python3</c> process of its own.
/// </summary>
internal sealed partial class PythonCheck : CopyCheck
{
    private const string Script = "import sys; compile(sys.stdin.read(), '<poc>', 'exec')";

    // The interpreter behind `python3` (a version manager's shim costs more than the check itself).
    private static readonly Lazy<string?> Interpreter = new(FindInterpreter);

    public static PythonCheck ForOriginal(string original)
    {
        var check = new PythonCheck();
        if (check.Problem(original) is { } problem)
            throw new CodeMarkException("poc-does-not-parse", $"The Python PoC does not parse as given, so no copy of it can be checked: {problem}");
        return check;
    }

    public override string? Problem(string copy)
    {
        var interpreter = Interpreter.Value ?? throw Unavailable();
        if (StatementsCompile(interpreter, copy)) return null;
        Interlocked.Increment(ref wholeCompiles);
        var (answered, problem) = PythonWorker.Check(interpreter, copy);
        return answered ? problem : OneShot(interpreter, copy);
    }

    /// <summary>How many sources this check has sent to CPython: statements compiled on their own, and whole copies.</summary>
    internal (long Statements, long Whole) Compiles => (Interlocked.Read(ref statementCompiles), Interlocked.Read(ref wholeCompiles));

    private long statementCompiles;
    private long wholeCompiles;

    /// <summary>
    /// Compiles ahead the top-level statements of <paramref name="sources"/> that no copy compiled
    /// yet, and remembers those that compile (by their exact text, as a copy's check looks them up).
    /// Nothing is concluded about any source: a copy is still checked as <see cref="Problem"/> says,
    /// and finds here only the answer for statements whose text is exactly one compiled before.
    /// Returns how many statements were compiled.
    /// </summary>
    public int Precompile(IEnumerable<string> sources)
    {
        var interpreter = Interpreter.Value ?? throw Unavailable();
        var fresh = sources.SelectMany(PythonStatements.Split).Select(r => (Run: r, Key: KeyOf(r)))
            .Where(r => !Compiled.ContainsKey(r.Key)).DistinctBy(r => r.Key).ToList();
        if (fresh.Count == 0) return 0;
        Interlocked.Add(ref statementCompiles, fresh.Count);
        if (PythonWorker.CheckAll(interpreter, [.. fresh.Select(r => r.Run)]) is not { } problems) return fresh.Count;
        Remember(fresh.Where((_, n) => problems[n] is null).Select(r => r.Key));
        return fresh.Count;
    }

    /// <summary>
    /// Whether the copy compiles, told from its top-level statements: each run of them
    /// (<see cref="PythonStatements"/>) that compiled before is not compiled again, so a copy that
    /// differs from earlier ones in a few places costs the compile of those places. A module
    /// compiles exactly when each of its top-level statements does, save for what ties them together
    /// — a <c>__future__</c> import must come first, a module-level <c>global</c> must precede the
    /// name's use — so a copy mentioning either is left to the whole check, as is any copy with a
    /// run that does not compile on its own (whose problem the whole check states, with its line).
    /// False means "not shown", never "does not compile".
    /// </summary>
    private bool StatementsCompile(string interpreter, string copy)
    {
        if (copy.Contains("__future__", StringComparison.Ordinal) || GlobalWord().IsMatch(copy)) return false;
        var runs = PythonStatements.Split(copy);
        if (runs.Count < 2) return false;
        var fresh = runs.Select(r => (Run: r, Key: KeyOf(r)))
            .Where(r => !Compiled.ContainsKey(r.Key)).DistinctBy(r => r.Key).ToList();
        if (fresh.Count > 0)
        {
            Interlocked.Add(ref statementCompiles, fresh.Count);
            var problems = PythonWorker.CheckAll(interpreter, [.. fresh.Select(r => r.Run)]);
            if (problems is null || problems.Any(p => p is not null)) return false;
            Remember(fresh.Select(r => r.Key));
        }
        return true;
    }

    private static string KeyOf(string run) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(run)));

    private static void Remember(IEnumerable<string> keys)
    {
        if (Compiled.Count > MaxCompiled)
        {
            Compiled.Clear();
            Ahead.Clear();
        }
        foreach (var key in keys) Compiled.TryAdd(key, 0);
    }

    /// <summary>
    /// True the first time a source is claimed for compiling ahead since the cache was last
    /// cleared: the same PoC prepared again (another artifact, a restart of its preparation) finds
    /// its statements already known.
    /// </summary>
    public static bool ClaimAhead(string source) => Ahead.TryAdd(KeyOf(source), 0);

    private static readonly ConcurrentDictionary<string, byte> Ahead = new(StringComparer.Ordinal);

    /// <summary>Runs of statements known to compile, by SHA-256 (bounded: cleared when full).</summary>
    private static readonly ConcurrentDictionary<string, byte> Compiled = new(StringComparer.Ordinal);
    private const int MaxCompiled = 200_000;

    [GeneratedRegex(@"\bglobal\b")]
    private static partial Regex GlobalWord();

    /// <summary>The check in a python3 process of its own: what a worker does, when no worker can answer.</summary>
    private static string? OneShot(string interpreter, string copy)
    {
        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw Unavailable();
        }
        catch (Win32Exception)
        {
            throw Unavailable();
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(copy);
            process.StandardInput.Close();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill();
                return "python3 did not finish checking the copy within a minute";
            }
            if (process.ExitCode == 0) return null;
            var lines = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return lines.Length == 0 ? $"python3 exited with {process.ExitCode}" : string.Join(" ", lines.TakeLast(3));
        }
    }

    private static string? FindInterpreter()
    {
        try
        {
            var start = new ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null) return null;
            var path = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && File.Exists(path) ? path : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private static CodeMarkException Unavailable() =>
        new("python-unavailable", "Python copies cannot be checked: python3 is not installed on this machine, so no Python copy is issued.");
}
