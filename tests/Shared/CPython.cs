using System.Diagnostics;

namespace Forewarn.Tests.Shared;

/// <summary>CPython's own parser (<c>ast.parse</c>), run apart from the library's check, to judge a Python copy independently.</summary>
internal static class CPython
{
    private static readonly Lazy<string> Interpreter = new(() =>
    {
        using var process = Process.Start(new ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"]) { RedirectStandardOutput = true })!;
        var path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return path;
    });

    public static bool Parses(string source)
    {
        var start = new ProcessStartInfo(Interpreter.Value, ["-c", "import ast,sys; ast.parse(sys.stdin.read())"])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(source);
        process.StandardInput.Close();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
