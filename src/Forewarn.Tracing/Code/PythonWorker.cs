using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Forewarn.Tracing.Code;

/// <summary>
/// A <c>python3</c> process that compiles one source after another, each exactly as the one-shot
/// check does (<c>compile(source, '&lt;poc&gt;', 'exec')</c>, nothing inherited, nothing run), so a
/// copy's check costs the compile and not an interpreter's start. Sources go in as a length line
/// and UTF-8 bytes; the answer is one line, <c>ok</c> or <c>err</c> and the error as JSON. Idle
/// workers are kept in a small pool; a worker that fails in any way is discarded and the caller
/// falls back to the one-shot check, so a copy is still never issued unchecked. Workers end when
/// their input closes, at the latest when this process exits.
/// </summary>
internal sealed class PythonWorker : IDisposable
{
    private const string Script = """
        import sys, json, traceback
        inp, out = sys.stdin.buffer, sys.stdout
        out.write("ready\n"); out.flush()
        while True:
            header = inp.readline()
            if not header:
                break
            data = inp.read(int(header))
            try:
                compile(data.decode("utf-8", "replace"), "<poc>", "exec", dont_inherit=True)
                out.write("ok\n")
            except BaseException as e:
                lines = [l.strip() for l in "".join(traceback.format_exception_only(type(e), e)).split("\n") if l.strip()]
                out.write("err " + json.dumps(" ".join(lines[-3:])) + "\n")
            out.flush()
        """;

    private static readonly ConcurrentBag<PythonWorker> Idle = [];
    private static readonly int MaxIdle = Math.Max(2, Environment.ProcessorCount * 2);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    private readonly Process process;

    private PythonWorker(Process process) => this.process = process;

    /// <summary>
    /// Compiles <paramref name="source"/> in a pooled worker: (true, null) when it compiles,
    /// (true, problem) when it does not, (false, null) when no worker could answer.
    /// </summary>
    public static (bool Answered, string? Problem) Check(string interpreter, string source)
    {
        var worker = Rent(interpreter);
        if (worker is null) return (false, null);
        string? answer;
        try
        {
            answer = worker.Ask(source);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or FormatException)
        {
            answer = null;
        }
        if (answer is null)
        {
            worker.Dispose();
            return (false, null);
        }
        Return(worker);
        if (answer == "ok") return (true, null);
        if (answer.StartsWith("err ", StringComparison.Ordinal))
            return (true, JsonSerializer.Deserialize<string>(answer[4..]) is { Length: > 0 } problem ? problem : "python3 could not compile the copy");
        return (false, null);
    }

    /// <summary>
    /// Compiles each of <paramref name="sources"/> in one worker, the answers read while the
    /// sources are written: per source null when it compiles, else the problem; null when no worker
    /// could answer them all.
    /// </summary>
    public static string?[]? CheckAll(string interpreter, IReadOnlyList<string> sources)
    {
        var worker = Rent(interpreter);
        if (worker is null) return null;
        string?[]? problems;
        try
        {
            problems = worker.AskAll(sources);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or FormatException or JsonException)
        {
            problems = null;
        }
        if (problems is null) worker.Dispose();
        else Return(worker);
        return problems;
    }

    private string?[]? AskAll(IReadOnlyList<string> sources)
    {
        var answers = Task.Run(async () =>
        {
            var problems = new string?[sources.Count];
            for (var n = 0; n < sources.Count; n++)
            {
                var line = await process.StandardOutput.ReadLineAsync();
                if (line == "ok") continue;
                if (line is null || !line.StartsWith("err ", StringComparison.Ordinal)) return null;
                problems[n] = JsonSerializer.Deserialize<string>(line[4..]) is { Length: > 0 } p ? p : "python3 could not compile the copy";
            }
            return problems;
        });
        var input = process.StandardInput.BaseStream;
        foreach (var source in sources)
        {
            var bytes = new UTF8Encoding(false).GetBytes(source);
            input.Write(Encoding.ASCII.GetBytes($"{bytes.Length}\n"));
            input.Write(bytes);
        }
        input.Flush();
        return answers.Wait(Limit) ? answers.Result : null;
    }

    private string? Ask(string source)
    {
        var bytes = new UTF8Encoding(false).GetBytes(source);
        var input = process.StandardInput.BaseStream;
        var header = Encoding.ASCII.GetBytes($"{bytes.Length}\n");
        input.Write(header);
        input.Write(bytes);
        input.Flush();
        var line = process.StandardOutput.ReadLineAsync();
        return line.Wait(Limit) ? line.Result : null;
    }

    private static PythonWorker? Rent(string interpreter)
    {
        while (Idle.TryTake(out var idle))
        {
            if (!idle.process.HasExited) return idle;
            idle.Dispose();
        }
        return Start(interpreter);
    }

    private static void Return(PythonWorker worker)
    {
        if (Idle.Count < MaxIdle) Idle.Add(worker);
        else worker.Dispose();
    }

    private static PythonWorker? Start(string interpreter)
    {
        var start = new ProcessStartInfo(interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        try
        {
            var process = Process.Start(start);
            if (process is null) return null;
            var worker = new PythonWorker(process);
            var ready = process.StandardOutput.ReadLineAsync();
            if (ready.Wait(Limit) && ready.Result == "ready") return worker;
            worker.Dispose();
            return null;
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        process.Dispose();
    }
}
