using Forewarn.Tracing.Text;
using Xunit.Abstractions;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>
/// The demo advisory's prose (FW-2025-0708) as the server ships it: each text carries marks, and
/// the detection guidance's Suricata signature — a rule that must work as written — is the same in
/// every copy.
/// </summary>
public sealed class DemoTextMarksTests(ITestOutputHelper output)
{
    private static readonly string[] Signature =
    [
        """  alert http any any -> $HTTP_SERVERS any (msg:"FW-2025-0708 ToolPane exploitation attempt";""",
        """    flow:to_server,established; http.method; content:"POST"; http.uri; content:"/ToolPane.aspx";""",
        """    content:"DisplayMode=Edit"; http.referer; content:"/SignOut.aspx"; sid:9025070801; rev:1;)""",
    ];

    [Theory]
    [InlineData("Demo.toolpane_description.txt", 45)]
    [InlineData("Demo.toolpane_detection.txt", 40)]
    [InlineData("Demo.toolpane_mitigation.txt", 40)]
    public void Each_demo_text_carries_marks(string name, int atLeast)
    {
        var text = DemoAdvisoryTexts.Load(name);
        var marked = TextMarks.Prepare(text);
        var words = text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        output.WriteLine($"{name}: {words} words, {marked.Sites.Count} sites (" +
            string.Join(", ", marked.Sites.GroupBy(s => s.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}")) + ")");
        Assert.True(marked.Sites.Count >= atLeast, $"{name}: {marked.Sites.Count} sites");
    }

    [Fact]
    public void The_signature_in_the_detection_guidance_is_the_same_in_every_copy()
    {
        var text = DemoAdvisoryTexts.Load("Demo.toolpane_detection.txt").Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains(string.Join("\n", Signature), text, StringComparison.Ordinal);
        var marked = TextMarks.Prepare(text);
        var random = new Random(5);
        var codewords = new[] { Enumerable.Repeat((byte)0, marked.Sites.Count), Enumerable.Repeat((byte)1, marked.Sites.Count) }
            .Concat(Enumerable.Range(0, 20).Select(_ => Enumerable.Range(0, marked.Sites.Count).Select(_ => (byte)random.Next(2))));
        foreach (var codeword in codewords)
            Assert.Contains(string.Join("\n", Signature), marked.Render([.. codeword]), StringComparison.Ordinal);
    }
}
