using System.Text;
using System.Text.RegularExpressions;

namespace Forewarn.Server.Tests.Cli;

/// <summary>One <c>forewarn</c> command line as the README or a page of docs/ shows it.</summary>
public sealed record DocumentedExample(string File, int Line, string Text, IReadOnlyList<string> Args)
{
    public override string ToString() => $"{File}:{Line}: {Text}";
}

/// <summary>
/// Reads every <c>forewarn …</c> command out of the README and docs/: lines of fenced code blocks,
/// and inline code spans that are examples (with a value or an option; no <c>[optional]</c> parts,
/// no FILE-style placeholders) rather than a command's name in prose. Shell around the command — environment assignments, pipes, redirections,
/// comments, a <c>$ </c> prompt, line continuations — is dropped, and the ids the docs elide
/// (<c>0197…</c>, <c>&lt;partner id&gt;</c>) become a well-formed id, so what is left is what the
/// command line itself must accept.
/// </summary>
public static partial class DocumentedExamples
{
    public const string ElidedId = "0198c0de-5a1e-7b2c-9d3e-4f5a6b7c8d9e";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Forewarn.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Forewarn.slnx) is not above " + AppContext.BaseDirectory);
    }

    public static IReadOnlyList<DocumentedExample> All()
    {
        var root = RepositoryRoot();
        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Prepend(Path.Combine(root, "README.md"));
        return [.. files.Order(StringComparer.Ordinal).SelectMany(f => In(Path.GetRelativePath(root, f), File.ReadAllLines(f)))];
    }

    private static IEnumerable<DocumentedExample> In(string file, string[] lines)
    {
        var fenced = false;
        var output = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                // A block marked ```text shows what a program printed, not commands to run.
                output = fenced && line.Trim() == "```text";
                continue;
            }
            if (fenced && output) continue;
            if (fenced)
            {
                var first = i;
                var text = new StringBuilder();
                while (line.EndsWith('\\') && i + 1 < lines.Length)
                {
                    text.Append(line[..^1]).Append(' ');
                    line = lines[++i];
                }
                text.Append(line);
                if (Command(text.ToString()) is { } args) yield return new DocumentedExample(file, first + 1, text.ToString().Trim(), args);
            }
            else
            {
                foreach (Match span in InlineCode().Matches(line))
                {
                    var code = span.Groups[1].Value;
                    if (!code.StartsWith("forewarn ", StringComparison.Ordinal) || code.Contains('[', StringComparison.Ordinal)) continue;
                    // Prose names commands (`forewarn trace`); an example gives values or options.
                    if (Command(code) is { } args && !args.Any(IsPlaceholder) && args.Any(IsValueOrOption))
                        yield return new DocumentedExample(file, i + 1, code, args);
                }
            }
        }
    }

    /// <summary>The arguments after <c>forewarn</c>, or null when the line runs no forewarn command.</summary>
    private static List<string>? Command(string line)
    {
        line = line.Trim();
        if (line.StartsWith("$ ", StringComparison.Ordinal)) line = line[2..];
        // "<partner key>" is one placeholder, not the words "<partner" and "key>".
        line = AnglePlaceholder().Replace(line, m => m.Value.Replace(' ', '_'));
        var words = Words(line);
        // A pipeline: the stage that runs forewarn.
        var stage = new List<string>();
        foreach (var (word, quoted) in words.Append(("|", false)))
        {
            if (!quoted && word is "|" or "&&" or ";")
            {
                var args = Stage(stage);
                if (args is not null) return args;
                stage.Clear();
            }
            else if (!quoted && word.StartsWith('#')) break;
            else stage.Add(quoted ? "\u0000" + word : word);
        }
        return null;
    }

    private static List<string>? Stage(List<string> words)
    {
        var i = 0;
        while (i < words.Count && EnvironmentAssignment().IsMatch(words[i])) i++;
        if (i >= words.Count || words[i] != "forewarn") return null;
        var args = new List<string>();
        for (i++; i < words.Count; i++)
        {
            var word = words[i];
            if (word is ">" or ">>" or "2>" or "<") { i++; continue; }
            args.Add(Elide(word.TrimStart('\u0000')));
        }
        return args;
    }

    private static string Elide(string word) => AngleId().Replace(ElidedHexId().Replace(word, ElidedId), ElidedId);

    private static bool IsPlaceholder(string arg) => PlaceholderWord().IsMatch(arg);

    private static bool IsValueOrOption(string arg) => arg.StartsWith('-') || arg.IndexOfAny(['.', ':', '/', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) >= 0;

    /// <summary>Shell words: spaces split, quotes group and are removed; whether a word was quoted is kept.</summary>
    private static List<(string Word, bool Quoted)> Words(string line)
    {
        var words = new List<(string, bool)>();
        var word = new StringBuilder();
        var quoted = false;
        var any = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                quoted = any = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (any) words.Add((word.ToString(), quoted));
                word.Clear();
                quoted = any = false;
            }
            else
            {
                word.Append(c);
                any = true;
            }
        }
        if (any) words.Add((word.ToString(), quoted));
        return words;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex EnvironmentAssignment();

    /// <summary>Ids the docs shorten: 0197…, 0198c0de-…</summary>
    [GeneratedRegex("019[0-9a-f-]*…")]
    private static partial Regex ElidedHexId();

    [GeneratedRegex("<[a-z][a-z ]*>")]
    private static partial Regex AnglePlaceholder();

    [GeneratedRegex("<[a-z_]*id>")]
    private static partial Regex AngleId();

    /// <summary>A syntax placeholder such as FILE, ID or KEY|FILE, not a value.</summary>
    [GeneratedRegex("^[A-Z][A-Z|_]+$")]
    private static partial Regex PlaceholderWord();
}
