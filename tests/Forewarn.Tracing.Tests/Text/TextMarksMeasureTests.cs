using Forewarn.Tracing.Text;
using Xunit.Abstractions;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>Sites and marks per 1,000 words at each marker version (the numbers docs/tracing.md gives).</summary>
public sealed class TextMarksMeasureTests(ITestOutputHelper output)
{
    [Fact]
    public void Sites_per_text_at_version_1_and_2()
    {
        var texts = new (string Name, string Text)[]
        {
            ("description", SampleAdvisories.Description), ("detection", SampleAdvisories.Detection), ("mitigation", SampleAdvisories.Mitigation),
            ("all three", string.Join("\n\n", SampleAdvisories.All)), ("demo description", SampleAdvisories.DemoDescription),
        };
        foreach (var (name, text) in texts)
        {
            // The demo description's version-1 copies were made of its text before the templates.
            var v1Text = text.Contains("{{fw:", StringComparison.Ordinal) ? SampleAdvisories.DemoDescriptionV1 : text;
            var v1 = TextMarks.Prepare(v1Text, MarkerVersion.First);
            var v2 = TextMarks.Prepare(text);
            var v1Words = Words(v1Text);
            var words = Words(v2.Render(v2.OriginalCodeword));
            output.WriteLine($"{name}: v1 {v1Words} words, {v1.Sites.Count} sites ({Kinds(v1)}) = {1000.0 * v1.Sites.Count / v1Words:F0}/1,000 words; "
                + $"v2 {words} words, {v2.Sites.Count} sites ({Kinds(v2)}) = {1000.0 * v2.Sites.Count / words:F0}/1,000 words");
            Assert.True(v2.Sites.Count >= 20, $"{name}: {v2.Sites.Count} sites at version 2");
        }
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Kinds(MarkedText marked) =>
        string.Join(", ", marked.Sites.GroupBy(s => s.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"));
}
