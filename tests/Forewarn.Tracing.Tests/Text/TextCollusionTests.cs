using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Text;
using Xunit.Abstractions;

namespace Forewarn.Tracing.Tests.Text;

/// <summary>
/// End to end with the fingerprinting code: 40 recipients each get their own rendering of an
/// advisory; colluders interleave their copies sentence by sentence and pass the result through
/// an e-mail; the marks read are scored, and the threshold for ε = 10⁻⁶ decides who is accused.
/// </summary>
public sealed class TextCollusionTests(ITestOutputHelper output)
{
    private const int Population = 40;
    private const double Epsilon = 1e-6;

    private static readonly byte[] Secret = [.. Enumerable.Range(7, 32).Select(i => (byte)i)];

    public static TheoryData<string, int> Cases => new()
    {
        { "description", 3 },
        { "description", 1 },
        { "full advisory", 3 },
        { "full advisory", 2 },
        { "full advisory", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_innocent_recipient_is_accused_and_the_catch_rate_is_reported(string text, int colluders)
    {
        var original = text == "description" ? SampleAdvisories.Description : string.Join("\n\n", SampleAdvisories.All);
        var marked = TextMarks.Prepare(original);
        const int leaks = 200;
        var caught = 0;
        var readTotal = 0;
        for (var leak = 0; leak < leaks; leak++)
        {
            var artifact = $"advisory-{leak}";
            var code = TardosCode.ForArtifact(Secret, artifact, marked.Sites.Count);
            var words = Enumerable.Range(0, Population).Select(j => code.CodewordOf(Secret, artifact, $"partner-{j}")).ToArray();
            var random = new Random(leak);
            var guilty = Enumerable.Range(0, Population).OrderBy(_ => random.Next()).Take(colluders).ToHashSet();
            var copies = guilty.Select(g => Leaks.Sentences(marked.Render(words[g]))).ToArray();
            Assert.All(copies, c => Assert.Equal(copies[0].Count, c.Count));
            var mixed = string.Join(" ", Enumerable.Range(0, copies[0].Count).Select(s => copies[random.Next(copies.Length)][s]));
            var read = marked.Read(Leaks.Rewrap(Leaks.SmartenQuotes(mixed)));
            var threshold = AccusationThreshold.For(code, read, Population, Epsilon);
            var accused = Enumerable.Range(0, Population).Where(j => code.Score(words[j], read) > threshold).ToList();
            Assert.All(accused, a => Assert.Contains(a, guilty));
            if (accused.Count > 0) caught++;
            readTotal += read.Count(r => r is not null);
        }
        output.WriteLine($"{text}: {marked.Sites.Count} sites, {readTotal / (double)leaks:F1} read on average; " +
            $"{colluders} colluder(s) among {Population}: caught in {caught} of {leaks} leaks; " +
            $"the length rule resists {AccusationThreshold.ColludersResisted(marked.Sites.Count, Population, Epsilon)} colluders " +
            $"and asks {AccusationThreshold.SitesNeeded(colluders, Population, Epsilon)} sites for {colluders}");
    }
}
