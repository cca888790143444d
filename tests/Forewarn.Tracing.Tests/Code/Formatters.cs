using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Formatting;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// What a careful leaker runs over a PoC before passing it on: <c>ast.unparse(ast.parse(…))</c>
/// (quotes, number forms and comments gone), Debian's <c>black</c>, and Roslyn's formatter after
/// removing every comment. Each takes many copies at once (one process per batch).
/// </summary>
internal static class Formatters
{
    private const string UnparseScript =
        "import ast, json, sys\nprint(json.dumps([ast.unparse(ast.parse(s)) for s in json.load(sys.stdin)]))";

    public static IReadOnlyList<string> AstUnparse(IReadOnlyList<string> sources)
    {
        var start = new ProcessStartInfo("python3", ["-c", UnparseScript]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(System.Text.Json.JsonSerializer.Serialize(sources));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return System.Text.Json.JsonSerializer.Deserialize<List<string>>(output)!;
    }

    /// <summary>Debian's black (<c>apt-get install black</c>) over a folder of copies (<c>--fast</c>: the same output, without black's own equivalence check).</summary>
    public static IReadOnlyList<string> Black(IReadOnlyList<string> sources)
    {
        var folder = Directory.CreateTempSubdirectory("fw-black-");
        try
        {
            for (var i = 0; i < sources.Count; i++) File.WriteAllText(Path.Combine(folder.FullName, $"copy{i}.py"), sources[i]);
            var start = new ProcessStartInfo("black", ["-q", "--fast", folder.FullName]) { UseShellExecute = false, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            return [.. Enumerable.Range(0, sources.Count).Select(i => File.ReadAllText(Path.Combine(folder.FullName, $"copy{i}.py")))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Every comment removed, then Roslyn's formatter with its default options.</summary>
    public static string RoslynWithoutComments(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var comments = root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
            || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia));
        root = root.ReplaceTrivia(comments, (_, _) => default);
        using var workspace = new AdhocWorkspace();
        return Formatter.Format(root, workspace).ToFullString();
    }
}
