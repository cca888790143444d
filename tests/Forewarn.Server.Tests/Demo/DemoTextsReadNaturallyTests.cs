using Forewarn.Server.Demo;
using Forewarn.Tracing;
using Forewarn.Tracing.Tests.Text;
using Forewarn.Tracing.Text;

namespace Forewarn.Server.Tests.Demo;

/// <summary>
/// Every copy of the demo's marked texts reads as written by one person: no variant echoes a word
/// already near it ("update to the July update"), whatever the codeword (the scan is the tracing
/// tests' <see cref="Collisions"/>), and no copy carries a template's markers.
/// </summary>
public sealed class DemoTextsReadNaturallyTests
{
    public static TheoryData<string> Texts => ["ReplayDescription", "ReplayDetection", "ReplayMitigation", "EmbargoDetection", "EmbargoDescription", "EmbargoMitigation"];

    private static string TextOf(string name) => name switch
    {
        "ReplayDescription" => DemoTexts.ReplayDescription,
        "ReplayDetection" => DemoTexts.ReplayDetection,
        "ReplayMitigation" => DemoTexts.ReplayMitigation,
        "EmbargoDetection" => DemoTexts.EmbargoDetection,
        "EmbargoDescription" => DemoTexts.EmbargoDescription,
        _ => DemoTexts.EmbargoMitigation,
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void No_copy_of_a_demo_text_echoes_a_word_or_shows_a_template(string name)
    {
        var marked = TextMarks.Prepare(TextOf(name), MarkerVersion.Current);
        var original = marked.Render(marked.OriginalCodeword);
        var random = new Random(name.Length);
        var words = new List<byte[]> { new byte[marked.Sites.Count], Enumerable.Repeat((byte)1, marked.Sites.Count).ToArray() };
        for (var i = 0; i < 30; i++) words.Add([.. Enumerable.Range(0, marked.Sites.Count).Select(_ => (byte)random.Next(2))]);
        foreach (var word in words)
        {
            var copy = marked.Render(word);
            Assert.DoesNotContain("{{fw:", copy, StringComparison.Ordinal);
            var added = Collisions.Added(original, copy);
            Assert.True(added.Count == 0, string.Join("\n", added));
        }
    }
}
