using Forewarn.Tracing.Code;

namespace Forewarn.Tracing.Tests.Code;

public sealed class CodeTemplateTests
{
    private const string PythonPoc = """
        import socket
        import struct


        def main():
            timeout = {{fw:5.0|5.00}}
            conn = socket.create_connection(('127.0.0.1', 8080), timeout=timeout)
            conn.sendall(struct.pack('<I', 0x41) + b'GET / HTTP/1.1\r\n\r\n')
            {{fw:print('sent')|print('request sent')}}
            return 0

        """;

    private const string CSharpPoc = """
        using System;

        public static class Poc
        {
            public static int Run()
            {
                var limit = {{fw:4096|4 * 1024}};
                Console.WriteLine("limit " + limit);
                return limit > 0 ? 0 : 1;
            }
        }
        """;

    [Theory]
    [InlineData(CodeLanguage.Python, PythonPoc, 2)]
    [InlineData(CodeLanguage.CSharp, CSharpPoc, 1)]
    public void Templates_are_sites_whose_markers_never_reach_a_copy(CodeLanguage language, string poc, int templates)
    {
        var marked = CodeMarks.Prepare(poc, language);
        var sites = marked.Sites.Select((s, i) => (s, i)).Where(x => x.s.Kind == "template").Select(x => x.i).ToList();
        Assert.Equal(templates, sites.Count);
        foreach (var bit in new byte[] { 0, 1 })
        {
            var word = Enumerable.Repeat(bit, marked.Sites.Count).ToArray();
            var copy = marked.Render(word);
            Assert.DoesNotContain("{{fw:", copy, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", copy, StringComparison.Ordinal);
            var read = marked.Read(copy);
            Assert.All(sites, i => Assert.Equal(bit, read[i]));
            Assert.All(sites, i => Assert.Contains(bit == 0 ? marked.Sites[i].Variant0 : marked.Sites[i].Variant1, copy, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(CodeLanguage.Python, "def f():\n    x = {{fw:1|1 +}}\n    return x\n")]
    [InlineData(CodeLanguage.Python, "def f():\n    {{fw:return 1|yield from}}\n")]
    [InlineData(CodeLanguage.CSharp, "public static class P { public static int F() { return {{fw:16|\"sixteen\"}}; } }")]
    [InlineData(CodeLanguage.CSharp, "public static class P { public static int F() { int unused = 1; return {{fw:16|0x10; int u = 2}}; } }")]
    public void A_template_that_would_break_a_copy_is_refused(CodeLanguage language, string poc)
    {
        var e = Assert.Throws<CodeMarkException>(() => CodeMarks.Prepare(poc, language));
        Assert.Equal("template-breaks-copy", e.Code);
    }

    [Theory]
    [InlineData("x = {{fw:1}}\n")]
    [InlineData("x = {{fw:1|2|3}}\n")]
    [InlineData("x = {{fw:1|1}}\n")]
    [InlineData("x = {{fw:1|2\n")]
    public void A_malformed_template_is_refused(string poc)
    {
        var e = Assert.Throws<CodeMarkException>(() => CodeMarks.Prepare(poc, CodeLanguage.Python));
        Assert.Equal("bad-template", e.Code);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PoC_that_does_not_compile_or_parse_as_given_is_refused()
    {
        var cs = Assert.Throws<CodeMarkException>(() => CodeMarks.Prepare("public class P { void F() { int x = ; } }", CodeLanguage.CSharp));
        Assert.Equal("poc-does-not-compile", cs.Code);
        var py = Assert.Throws<CodeMarkException>(() => CodeMarks.Prepare("def f(:\n    pass\n", CodeLanguage.Python));
        Assert.Equal("poc-does-not-parse", py.Code);
    }

    [Fact]
    public void A_codeword_of_the_wrong_length_is_refused()
    {
        var marked = CodeMarks.Prepare(CSharpPoc, CodeLanguage.CSharp);
        Assert.Throws<ArgumentException>(() => marked.Render(new byte[marked.Sites.Count + 1]));
    }
}
