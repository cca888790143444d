using Forewarn.Tracing.Code;
using Xunit.Abstractions;

namespace Forewarn.Tracing.Tests.Code;

public sealed class CodeMarksTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(CodeLanguage.Python, 40)]
    [InlineData(CodeLanguage.CSharp, 30)]
    public void The_sample_PoCs_offer_enough_sites(CodeLanguage language, int atLeast)
    {
        var marked = CodeSamples.Prepared(language);
        foreach (var kind in marked.Sites.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"{language} {kind.Key}: {kind.Count()}");
        output.WriteLine($"{language} total: {marked.Sites.Count}");
        Assert.True(marked.Sites.Count >= atLeast, $"{language}: {marked.Sites.Count} sites");
    }

    [Theory]
    [InlineData(CodeLanguage.Python)]
    [InlineData(CodeLanguage.CSharp)]
    public void Every_copy_of_50_random_codewords_is_sound_and_reads_back_exactly(CodeLanguage language)
    {
        var marked = CodeSamples.Prepared(language);
        var random = new Random(5);
        var copies = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < 50; n++)
        {
            var word = CodeSamples.RandomWord(random, marked.Sites.Count);
            var copy = marked.Render(word);
            Assert.Equal(copy, marked.Render(word));
            if (language == CodeLanguage.Python) Assert.True(CodeSamples.PythonParses(copy), copy);
            else Assert.Empty(CodeSamples.CSharpErrors(copy));
            Assert.Equal(word.Select(b => (byte?)b), marked.Read(copy));
            copies.Add(copy);
        }
        Assert.Equal(50, copies.Count);
    }

    [Theory]
    [InlineData(CodeLanguage.Python)]
    [InlineData(CodeLanguage.CSharp)]
    public void Reads_of_a_reindented_CRLF_copy_with_30_percent_of_lines_deleted_are_right_or_null(CodeLanguage language)
    {
        var marked = CodeSamples.Prepared(language);
        var random = new Random(30);
        int read = 0, total = 0;
        for (var n = 0; n < 20; n++)
        {
            var word = CodeSamples.RandomWord(random, marked.Sites.Count);
            var lines = marked.Render(word).Split('\n')
                .Where(_ => random.NextDouble() >= 0.3)
                .Select(l => Reindent(l));
            var leaked = string.Join("\r\n", lines);
            var reads = marked.Read(leaked);
            for (var i = 0; i < reads.Count; i++)
            {
                if (reads[i] is { } y) { Assert.Equal(word[i], y); read++; }
                total++;
            }
        }
        output.WriteLine($"{language}: {read} of {total} marks read ({100.0 * read / total:F0} %)");
        Assert.True(read > total / 3, $"{read} of {total}");
    }

    [Theory]
    [InlineData(CodeLanguage.Python, new[] { "build_request", "make_request", "HEADER_BUFFER", "HDR_LIMIT", "log", "say", "host", "hostname" })]
    [InlineData(CodeLanguage.CSharp, new[] { "BuildRequest", "Compose", "HeaderBuffer", "HdrLimit", "host", "hostname", "MemoryStream", "System.IO.MemoryStream" })]
    public void Identifiers_renamed_outside_the_marks_do_not_break_reading(CodeLanguage language, string[] renames)
    {
        var marked = CodeSamples.Prepared(language);
        var random = new Random(7);
        int read = 0, total = 0;
        for (var n = 0; n < 10; n++)
        {
            var word = CodeSamples.RandomWord(random, marked.Sites.Count);
            var leaked = marked.Render(word);
            for (var k = 0; k < renames.Length; k += 2)
                leaked = System.Text.RegularExpressions.Regex.Replace(leaked, $@"\b{renames[k]}\b", renames[k + 1]);
            var reads = marked.Read(leaked);
            for (var i = 0; i < reads.Count; i++)
            {
                if (reads[i] is { } y) { Assert.Equal(word[i], y); read++; }
                total++;
            }
        }
        output.WriteLine($"{language}: {read} of {total} marks read after renaming");
        Assert.True(read >= total * 9 / 10, $"{read} of {total}");
    }

    private static string Reindent(string line)
    {
        var body = line.TrimStart(' ');
        var depth = (line.Length - body.Length) / 4;
        return new string('\t', depth) + body.TrimEnd('\r');
    }
}
