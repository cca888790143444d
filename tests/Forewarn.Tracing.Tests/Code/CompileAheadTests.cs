using System.Diagnostics;
using System.Text.Json;
using Forewarn.Tracing.Code;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// First copies checked cheaply, never less surely: a copy's check compiles the copy with its
/// compile-neutral sites (same-value quotes and integer notations) at 0, which CPython reads as the
/// same program, and statements compiled ahead count only by their exact text — so a variant that
/// breaks a copy is refused whatever was compiled before.
/// </summary>
public sealed class CompileAheadTests
{
    [Fact]
    public void The_text_checked_is_the_copy_as_CPython_reads_it()
    {
        var marks = (MarkedCode)CodeMarks.Prepare(CodeSamples.Python, CodeLanguage.Python);
        var random = new Random(16);
        var pairs = Enumerable.Range(0, 12).Select(_ => marks.Texts(CodeSamples.RandomWord(random, marks.Sites.Count))).ToList();
        Assert.Contains(pairs, p => p.Copy != p.Checked); // the sample has neutral sites
        var trees = SyntaxTrees([.. pairs.SelectMany(p => new[] { p.Copy, p.Checked })]);
        for (var i = 0; i < pairs.Count; i++) Assert.Equal(trees[2 * i], trees[2 * i + 1]);
    }

    [Theory]
    [InlineData("x = 'abc'\n", "'abc'", "\"abc\"", true)]
    [InlineData("x = rb'abc'\n", "rb'abc'", "rb\"abc\"", true)]
    [InlineData("x = f'{y}'\n", "f'{y}'", "f\"{y}\"", false)] // an f-string's inside is code
    [InlineData("x = 'a\"c'\n", "'a\"c'", "\"a\"c\"", false)]
    [InlineData("x = 'abc'\n", "'abc'", "\"abd\"", false)] // another value
    [InlineData("x = 'abc'\n", "'abc'", "'abc", false)] // not a string at all
    [InlineData("x = 65536\n", "65536", "0x10000", true)]
    [InlineData("x = 65536\n", "65536", "0x10001", false)]
    [InlineData("x = y.65536\n", "65536", "0x10000", false)] // something next to it could join it
    public void Only_same_value_literals_are_compile_neutral(string source, string raw, string variant, bool neutral)
    {
        var kind = raw.Contains('\'') ? SiteKinds.QuoteStyle : SiteKinds.IntegerForm;
        var site = new CandidateSite(kind, [new SiteEdit(source.IndexOf(raw, StringComparison.Ordinal), raw.Length, variant)], raw, variant);
        Assert.Equal(neutral, CompileNeutral.Is(source, site, CodeLanguage.Python));
        Assert.False(CompileNeutral.Is(source, site, CodeLanguage.CSharp));
        Assert.False(CompileNeutral.Is(source, site with { IsTemplate = true }, CodeLanguage.Python));
    }

    [Theory]
    [InlineData("x + 2", true)]
    [InlineData("x + ord('2')", false)] // a template could open or close a string around a literal
    [InlineData("x  # two", false)]
    [InlineData("x + \\\n 2", false)]
    public void A_template_that_could_change_where_strings_begin_leaves_no_site_neutral(string variant, bool neutral)
    {
        var source = "A = 'one'\n\n\ndef f(x):\n    return x + 1\n";
        CandidateSite[] sites = [Site(source, SiteKinds.QuoteStyle, "'one'", "\"one\""), Site(source, SiteKinds.Template, "x + 1", variant, template: true)];
        Assert.Equal([neutral, false], CompileNeutral.For(source, sites, CodeLanguage.Python));
    }

    [Theory]
    [InlineData("{{fw:1|2|3|4}}", true)]
    [InlineData("{{fw:1|2|ord('3')|4}}", false)] // variant 2 (bit 1) holds a quote
    [InlineData("{{fw:1|2|3|ord('4')}}", false)] // variant 3 (bits 0 and 1) is in no single bit's edits, only in the template's choice
    public void A_q_ary_template_is_judged_by_every_variant_not_only_those_its_sites_edit(string template, bool neutral)
    {
        var (text, templates) = Templates.Parse("A = 'one'\n\n\ndef f(x):\n    return x + " + template + "\n", MarkerVersion.Current);
        CandidateSite[] sites = [Site(text, SiteKinds.QuoteStyle, "'one'", "\"one\""), .. templates];
        Assert.Equal(neutral, CompileNeutral.For(text, sites, CodeLanguage.Python)[0]);
    }

    [Theory]
    [InlineData("\"the advisory{{fw:'s|s'}} guidance\"", true)] // the other quote, inside the literal: harmless
    [InlineData("'the advisory{{fw:s|'s}} guidance'", false)] // its own quote would close the literal
    [InlineData("'a{{fw:b|\\x41}}c'", false)] // a backslash
    [InlineData("f'a{{fw:b|c|d|e}}c'", false)] // an f-string's inside is code
    [InlineData("\"\"\"a {{fw:b|c|d|e}} c\"\"\"", true)]
    public void A_template_inside_a_string_literal_is_neutral_when_no_variant_can_end_the_literal(string literal, bool neutral)
    {
        var (text, templates) = Templates.Parse("A = 'one'\nB = " + literal + "\n", MarkerVersion.Current);
        CandidateSite[] sites = [Site(text, SiteKinds.QuoteStyle, "'one'", "\"one\""), .. templates];
        var found = CompileNeutral.For(text, sites, CodeLanguage.Python);
        Assert.All(found.Skip(1), n => Assert.Equal(neutral, n));
    }

    [Fact]
    public void A_variant_that_breaks_the_copy_is_refused_after_everything_else_was_compiled_ahead()
    {
        // Three statements, each with a site; the last one's variant does not compile. A unique
        // comment keeps this source's statements apart from other tests' (the cache is shared).
        var source = $"# {Guid.NewGuid():N}\nA = 'one'\nB = 65536\n\n\ndef f(x):\n    return x + 1\n";
        var sites = new List<CandidateSite>
        {
            Site(source, SiteKinds.QuoteStyle, "'one'", "\"one\""),
            Site(source, SiteKinds.IntegerForm, "65536", "0x10000"),
            Site(source, SiteKinds.Template, "x + 1", "x + (", template: true),
        };
        var check = PythonCheck.ForOriginal(source);
        var marks = new MarkedCode(source, CodeLanguage.Python, sites, [null, null, null], [null, null, null], new TokenNormaliser(new Dictionary<string, string>(), new Dictionary<string, string>()), check);
        Assert.True(marks.Precheck(VariantPrecheck.PerStatement, VariantPrecheck.Budget) > 0);

        var compiled = check.Compiles;
        Assert.Contains("\"one\"", marks.Render([1, 1, 0]), StringComparison.Ordinal);
        Assert.Equal(compiled, check.Compiles); // every statement it needs was compiled ahead

        foreach (var word in new byte[][] { [0, 0, 1], [1, 0, 1], [1, 1, 1] })
        {
            var refused = Assert.Throws<CodeMarkException>(() => marks.Render(word));
            Assert.Equal("copy-does-not-compile", refused.Code);
        }
    }

    [Fact]
    public void After_compiling_ahead_first_copies_of_the_sample_compile_only_statements_with_many_marks()
    {
        var source = $"# {Guid.NewGuid():N}\n{CodeSamples.Python}";
        var marks = (MarkedCode)CodeMarks.Prepare(source, CodeLanguage.Python);
        var check = (PythonCheck)marks.Check;
        Assert.True(VariantPrecheck.Run(marks) > 0);
        Assert.Equal(0, VariantPrecheck.Run(marks)); // the same source again: already known

        var random = new Random(7);
        var before = check.Compiles;
        const int copies = 20;
        for (var n = 0; n < copies; n++) Assert.True(CodeSamples.PythonParses(marks.Render(CodeSamples.RandomWord(random, marks.Sites.Count))));
        var after = check.Compiles;
        Assert.Equal(before.Whole, after.Whole);
        Assert.True(after.Statements - before.Statements <= copies * marks.StatementsBeyond(VariantPrecheck.PerStatement),
            $"{after.Statements - before.Statements} statements compiled for {copies} copies");
    }

    private static CandidateSite Site(string source, string kind, string raw, string variant, bool template = false) =>
        new(kind, [new SiteEdit(source.IndexOf(raw, StringComparison.Ordinal), raw.Length, variant)], raw, variant, template);

    /// <summary>CPython's syntax tree of each source (<c>ast.dump</c>, without positions), in one interpreter.</summary>
    private static string[] SyntaxTrees(string[] sources)
    {
        const string script = "import ast, json, sys\nfor s in json.load(sys.stdin):\n    print(json.dumps(ast.dump(ast.parse(s))))\n";
        var start = new ProcessStartInfo("python3", ["-c", script]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(JsonSerializer.Serialize(sources));
        process.StandardInput.Close();
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return [.. lines.Select(l => JsonSerializer.Deserialize<string>(l)!)];
    }
}
