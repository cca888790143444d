using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Forewarn.Benchmarks.Tracing.Collusion;

/// <summary>What colluders and careful leakers do to copies before one leaks.</summary>
internal static partial class CopyAttacks
{
    /// <summary>
    /// Several colluders' copies of one prose artifact mixed passage by passage: runs of one to three
    /// sentences, each run from a colluder picked at random (copies differ only at mark sites, so
    /// their sentences line up; where a variant changed the count, line by line instead).
    /// </summary>
    public static string MixSentences(IReadOnlyList<string> copies, Random random)
    {
        var split = copies.Select(Sentences).ToList();
        if (split.Any(s => s.Count != split[0].Count)) split = [.. copies.Select(c => (IReadOnlyList<string>)c.Split('\n'))];
        if (split.Any(s => s.Count != split[0].Count)) return copies[random.Next(copies.Count)];
        var leak = new StringBuilder();
        var from = random.Next(copies.Count);
        for (var i = 0; i < split[0].Count;)
        {
            var run = 1 + random.Next(3);
            for (var k = 0; k < run && i < split[0].Count; k++, i++) leak.Append(split[from][i]).Append(' ');
            from = random.Next(copies.Count);
        }
        return leak.ToString();
    }

    /// <summary>Several colluders' copies of a PoC interleaved in runs of one to six lines (copies keep their line count).</summary>
    public static string InterleaveLines(IReadOnlyList<string> copies, Random random)
    {
        var lines = copies.Select(c => c.Split('\n')).ToList();
        if (lines.Any(l => l.Length != lines[0].Length)) return copies[random.Next(copies.Count)];
        var leak = new StringBuilder();
        var from = random.Next(copies.Count);
        for (var i = 0; i < lines[0].Length;)
        {
            var run = 1 + random.Next(6);
            for (var k = 0; k < run && i < lines[0].Length; k++, i++) leak.Append(lines[from][i]).Append('\n');
            from = (from + 1 + random.Next(copies.Count - 1)) % copies.Count;
        }
        return leak.ToString();
    }

    /// <summary>A PoC passed through CPython's <c>ast.unparse(ast.parse(…))</c>: quotes, number forms, comments and layout gone.</summary>
    public static string AstUnparse(string source) =>
        Run("python3", "-c \"import ast,sys; sys.stdout.write(ast.unparse(ast.parse(sys.stdin.read())))\"", source);

    /// <summary>A PoC passed through Debian's <c>black</c> formatter, or null when black is not installed.</summary>
    public static string? Black(string source)
    {
        try
        {
            return Run("black", "-q -", source);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string Run(string program, string arguments, string input)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {error.Result}");
        return output.Result;
    }

    private static IReadOnlyList<string> Sentences(string text) =>
        SentenceEnd().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Where(s => s.Trim().Length > 0).ToList();

    [GeneratedRegex(@"(?<=[.!?])(?<!\b[A-Za-z]\.[A-Za-z]\.)\s+(?=[A-Z0-9`-])|\n+")]
    private static partial Regex SentenceEnd();
}
