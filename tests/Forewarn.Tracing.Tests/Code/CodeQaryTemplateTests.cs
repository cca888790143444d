using System.Text.RegularExpressions;
using Forewarn.Tracing.Code;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// q-ary author templates in code (marker version 2): <c>{{fw:A|B|C|D}}</c> is two sites and eight
/// variants three, the recipient's bits choosing the variant. Every variant of every template
/// appears across copies, every copy passes its check and reads back exactly, the variants are read
/// by value after ast.unparse, black and Roslyn's formatter without comments, and bad templates are
/// refused.
/// </summary>
public sealed partial class CodeQaryTemplateTests
{
    /// <summary>A string, a number, a keyword argument's value, bytes and a whole statement, 4 and 8 variants.</summary>
    internal const string PythonPoc = """
        import socket

        HOST = "{{fw:lab-gateway.invalid|gw-test.invalid|sandbox.invalid|lab01.invalid}}"
        RETRIES = {{fw:3|4|5|6}}


        def probe(port):
            conn = socket.create_connection((HOST, port), timeout={{fw:5|7|9|11|13|15|17|19}})
            conn.sendall(b"{{fw:PING|HELLO|PROBE|CHECK}}\r\n")
            {{fw:print("probe sent")|print("sent the probe")|print("probe is out")|print("probe delivered")}}
            return conn.recv(64)


        def main():
            for attempt in range(RETRIES):
                print(attempt, probe(8080))
        """;

    /// <summary>A constant string, a number, a message, and a binary template in a comment (read by its surroundings).</summary>
    internal const string CSharpPoc = """
        using System;

        public static class Probe
        {
            private const string Host = "{{fw:lab-gateway.invalid|gw-test.invalid|sandbox.invalid|lab01.invalid}}";

            public static int Run()
            {
                var wait = {{fw:10|12|15|20|25|30|45|60}};
                Console.WriteLine("{{fw:Sending probe|Probe going out|Probe sent to the lab|Contacting the lab|Starting the probe|Probing the lab|Lab probe started|Sending the lab probe}} " + Host);
                // {{fw:check|verify}} the answer before trusting it
                return wait > 0 ? 0 : 1;
            }
        }
        """;

    public static TheoryData<string, CodeLanguage> Pocs => new()
    {
        { PythonPoc, CodeLanguage.Python },
        { CSharpPoc, CodeLanguage.CSharp },
        { CodeSamples.Load("Samples.toolpane_poc.py"), CodeLanguage.Python },
    };

    [Theory]
    [MemberData(nameof(Pocs))]
    public void Every_variant_of_every_template_appears_in_a_sound_copy_that_reads_back_exactly(string poc, CodeLanguage language)
    {
        var marked = poc == CodeSamples.Load("Samples.toolpane_poc.py") ? CodeSamples.Demo : CodeMarks.Prepare(poc, language);
        var templates = TemplatesOf(poc, marked);
        Assert.Equal(templates.Sum(t => t.Positions.Count), marked.Sites.Count(s => s.Kind == "template"));
        var random = new Random(8);
        for (var v = 0; v < 8; v++)
        {
            var word = CodeSamples.RandomWord(random, marked.Sites.Count);
            foreach (var t in templates) t.Set(word, v % t.Variants.Count);
            var copy = marked.Render(word);
            Assert.DoesNotContain("{{fw:", copy, StringComparison.Ordinal);
            if (language == CodeLanguage.Python) Assert.True(CodeSamples.PythonParses(copy), copy);
            else Assert.Empty(CodeSamples.CSharpErrors(copy));
            Assert.All(templates, t => Assert.Contains(t.Variants[v % t.Variants.Count], copy, StringComparison.Ordinal));
            Assert.Equal(word.Select(b => (byte?)b), marked.Read(copy));
        }
    }

    [Fact]
    public void Four_and_eight_variants_are_two_and_three_sites_each_its_own_class()
    {
        var marked = CodeMarks.Prepare(PythonPoc, CodeLanguage.Python);
        var templates = TemplatesOf(PythonPoc, marked);
        Assert.Equal([2, 2, 3, 2, 2], templates.Select(t => t.Positions.Count));
        var classes = templates.SelectMany(t => t.Positions).Select(i => marked.Sites[i].Class).ToList();
        Assert.Equal(classes.Count, classes.Distinct().Count());
    }

    [Fact]
    public void Python_variants_are_read_by_value_after_ast_unparse_and_black() =>
        ReadAfter(PythonPoc, CodeLanguage.Python, copies => [.. Formatters.AstUnparse(copies), .. Formatters.Black(copies)]);

    [Fact]
    public void CSharp_variants_are_read_by_value_after_Roslyn_formatting_without_comments() =>
        ReadAfter(CSharpPoc, CodeLanguage.CSharp, copies => [.. copies.Select(Formatters.RoslynWithoutComments)], inComments: true);

    [Fact]
    public void The_demo_PoC_templates_are_read_after_ast_unparse() =>
        ReadAfter(CodeSamples.Load("Samples.toolpane_poc.py"), CodeLanguage.Python, Formatters.AstUnparse, inComments: true);

    /// <summary>
    /// Copies taking each variant in turn, formatted; every template read exactly. With <paramref name="inComments"/>
    /// the binary templates stand in comments (read by their surroundings) and go with the comments.
    /// </summary>
    private static void ReadAfter(string poc, CodeLanguage language, Func<IReadOnlyList<string>, IReadOnlyList<string>> format, bool inComments = false)
    {
        var marked = poc == CodeSamples.Load("Samples.toolpane_poc.py") ? CodeSamples.Demo : CodeMarks.Prepare(poc, language);
        var templates = TemplatesOf(poc, marked);
        var random = new Random(16);
        var words = Enumerable.Range(0, 8).Select(v =>
        {
            var word = CodeSamples.RandomWord(random, marked.Sites.Count);
            foreach (var t in templates) t.Set(word, v % t.Variants.Count);
            return word;
        }).ToList();
        var copies = words.Select(marked.Render).ToList();
        var formatted = format(copies);
        for (var k = 0; k < formatted.Count; k++)
        {
            var word = words[k % words.Count];
            Assert.NotEqual(copies[k % copies.Count], formatted[k]);
            var read = marked.Read(formatted[k]);
            foreach (var t in templates.Where(t => !(inComments && t.Variants.Count == 2)))
                Assert.All(t.Positions, i => Assert.Equal(word[i], read[i]));
        }
    }

    [Theory]
    [InlineData("x = {{fw:1|2|3}}\n")]
    [InlineData("x = {{fw:1|2|3|4|5}}\n")]
    [InlineData("x = {{fw:1|2|3|4|5|6}}\n")]
    [InlineData("x = {{fw:1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16}}\n")]
    [InlineData("x = {{fw:1|2|3|1}}\n")]
    public void A_template_with_other_than_2_4_or_8_distinct_variants_is_refused(string poc)
    {
        var e = Assert.Throws<CodeMarkException>(() => CodeMarks.Prepare(poc, CodeLanguage.Python));
        Assert.Equal("bad-template", e.Code);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_1_keeps_binary_templates()
    {
        var e = Assert.Throws<CodeMarkException>(() => CodeMarks.Prepare("x = {{fw:1|2|3|4}}\n", CodeLanguage.Python, MarkerVersion.First));
        Assert.Equal("bad-template", e.Code);
        Assert.Contains("exactly two variants", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CodeLanguage.Python, "import os\n\n\ndef f():\n    x = {{fw:1|2|3|3 +}}\n    return x\n", 5)]
    [InlineData(CodeLanguage.Python, "def f():\n    return {{fw:1|2|3|4|5|6|7|yield from}}\n", 2)]
    [InlineData(CodeLanguage.CSharp, "public static class P\n{\n    public static int F() { return {{fw:16|32|64|\"x\"}}; }\n}", 3)]
    public void A_template_any_of_whose_variants_breaks_the_copy_is_refused_with_its_line(CodeLanguage language, string poc, int line)
    {
        var e = Assert.Throws<CodeMarkException>(() => CodeMarks.Prepare(poc, language));
        Assert.Equal("template-breaks-copy", e.Code);
        Assert.Contains($"line {line}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HOST = \"{{fw:lab-a|lab_a|lab-b|lab-c}}\"\nprint(HOST)\n")]
    [InlineData("# {{fw:check|verify|test|probe}} the host\nprint(1)\n")]
    [InlineData("A = \"{{fw:one|two|three|four}} and {{fw:red|green|blue|grey}}\"\nprint(A)\n")]
    public void A_q_ary_template_that_cannot_be_read_by_value_is_refused(string poc)
    {
        var e = Assert.Throws<CodeMarkException>(() => CodeMarks.Prepare(poc, CodeLanguage.Python));
        Assert.Equal("template-unreadable", e.Code);
    }

    /// <summary>One template of a PoC: its variants (from the source) and its sites, bit b at position b.</summary>
    internal sealed record Template(IReadOnlyList<string> Variants, IReadOnlyList<int> Positions)
    {
        public void Set(byte[] word, int index)
        {
            for (var b = 0; b < Positions.Count; b++) word[Positions[b]] = (byte)(index >> b & 1);
        }

        public int? IndexIn(IReadOnlyList<byte?> read) =>
            Positions.All(i => read[i] is not null) ? Positions.Select((i, b) => read[i]!.Value << b).Sum() : null;
    }

    /// <summary>The templates in source order, matched to the marked sites (consecutive template sites, log2 of the variants each).</summary>
    internal static List<Template> TemplatesOf(string poc, IMarkedArtifact marked)
    {
        var sites = Enumerable.Range(0, marked.Sites.Count).Where(i => marked.Sites[i].Kind == "template").ToList();
        var result = new List<Template>();
        var at = 0;
        foreach (Match m in TemplatePattern().Matches(poc))
        {
            var variants = m.Groups[1].Value.Split('|');
            var k = System.Numerics.BitOperations.Log2((uint)variants.Length);
            result.Add(new Template(variants, sites.GetRange(at, k)));
            at += k;
        }
        return result;
    }

    [GeneratedRegex(@"\{\{fw:(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex TemplatePattern();
}
