using FsCheck.Xunit;
using Forewarn.Tracing.Code;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// Whatever a leaker does to the layout of a copy — reindent, change line endings, delete lines,
/// move blocks of lines, keep a fragment — a mark that is read is read right.
/// </summary>
public sealed class CodeLeakPropertyTests
{
    [Property(MaxTest = 40)]
    public bool Python_marks_read_from_a_mangled_copy_are_right_or_null(int seed) => Holds(CodeLanguage.Python, seed);

    [Property(MaxTest = 40)]
    public bool CSharp_marks_read_from_a_mangled_copy_are_right_or_null(int seed) => Holds(CodeLanguage.CSharp, seed);

    private static bool Holds(CodeLanguage language, int seed)
    {
        var marked = CodeSamples.Prepared(language);
        var random = new Random(seed);
        var word = CodeSamples.RandomWord(random, marked.Sites.Count);
        var lines = marked.Render(word).Split('\n').ToList();
        // A fragment: a random window of at least a quarter of the copy.
        var length = random.Next(lines.Count / 4, lines.Count + 1);
        lines = lines.GetRange(random.Next(lines.Count - length + 1), length);
        lines = [.. lines.Where(_ => random.NextDouble() >= 0.2)];
        for (var moves = random.Next(4); moves > 0 && lines.Count > 12; moves--)
        {
            var size = random.Next(3, 11);
            var from = random.Next(lines.Count - size);
            var block = lines.GetRange(from, size);
            lines.RemoveRange(from, size);
            lines.InsertRange(random.Next(lines.Count + 1), block);
        }
        var indent = random.Next(3) switch { 0 => "\t", 1 => "  ", _ => "        " };
        var leaked = string.Join(random.Next(2) == 0 ? "\r\n" : "\n", lines.Select(l => Reindent(l, indent)));
        var read = marked.Read(leaked);
        return read.Select((r, i) => r is null || r == word[i]).All(ok => ok);
    }

    private static string Reindent(string line, string unit)
    {
        var body = line.TrimStart(' ');
        return string.Concat(Enumerable.Repeat(unit, (line.Length - body.Length) / 4)) + body.TrimEnd('\r');
    }
}
