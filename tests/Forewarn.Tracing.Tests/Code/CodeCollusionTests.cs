using Forewarn.Tracing.Code;
using Forewarn.Tracing.Tardos;
using Xunit.Abstractions;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// End to end with the Tardos code: 30 recipients each get their own copy of a sample PoC; two
/// colluders leak a copy made of runs of lines from each. Nobody innocent may be accused at ε = 10⁻⁶;
/// how often a colluder is caught is reported (the samples carry far fewer sites than the length
/// rule asks for against two colluders, so the catch rate is modest).
/// </summary>
public sealed class CodeCollusionTests(ITestOutputHelper output)
{
    private const int Population = 30;
    private const double Epsilon = 1e-6;

    [Theory]
    [InlineData(CodeLanguage.Python)]
    [InlineData(CodeLanguage.CSharp)]
    public void Two_colluders_interleaving_lines_never_get_an_innocent_accused(CodeLanguage language)
    {
        var marked = CodeSamples.Prepared(language);
        var random = new Random(2026);
        int caught = 0, trials = 30, readSum = 0;
        for (var trial = 0; trial < trials; trial++)
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            var artifact = $"poc-{language}-{trial}";
            var code = TardosCode.ForArtifact(secret, artifact, marked.Sites.Count);
            var words = Enumerable.Range(0, Population).Select(j => code.CodewordOf(secret, artifact, $"partner-{j}")).ToArray();
            var guilty = Enumerable.Range(0, Population).OrderBy(_ => random.Next()).Take(2).ToArray();
            var copies = guilty.Select(g => marked.Render(words[g]).Split('\n')).ToArray();
            var leaked = new List<string>();
            for (int line = 0, source = 0, run = 0; line < copies[0].Length; line++, run--)
            {
                if (run <= 0) { source = random.Next(2); run = random.Next(1, 7); }
                leaked.Add(copies[source][line]);
            }
            var read = marked.Read(string.Join('\n', leaked));
            readSum += read.Count(r => r is not null);
            var threshold = AccusationThreshold.For(code, read, Population, Epsilon);
            var accused = Enumerable.Range(0, Population).Where(j => code.Score(words[j], read) > threshold).ToList();
            Assert.All(accused, a => Assert.Contains(a, guilty));
            if (accused.Count > 0) caught++;
        }
        output.WriteLine($"{language}: {marked.Sites.Count} sites, {readSum / trials} read on average; a colluder caught in {caught} of {trials} leaks; no innocent accused");
        output.WriteLine($"length rule: {AccusationThreshold.SitesNeeded(2, Population, Epsilon)} sites against 2 colluders, {AccusationThreshold.SitesNeeded(1, Population, Epsilon)} against 1");
    }

    [Theory]
    [InlineData(CodeLanguage.Python)]
    [InlineData(CodeLanguage.CSharp)]
    public void A_single_leaked_copy_never_accuses_an_innocent(CodeLanguage language)
    {
        var marked = CodeSamples.Prepared(language);
        var random = new Random(1);
        int caught = 0, trials = 30;
        for (var trial = 0; trial < trials; trial++)
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            var artifact = $"poc-{language}-single-{trial}";
            var code = TardosCode.ForArtifact(secret, artifact, marked.Sites.Count);
            var words = Enumerable.Range(0, Population).Select(j => code.CodewordOf(secret, artifact, $"partner-{j}")).ToArray();
            var leaker = random.Next(Population);
            var read = marked.Read(marked.Render(words[leaker]));
            var threshold = AccusationThreshold.For(code, read, Population, Epsilon);
            var accused = Enumerable.Range(0, Population).Where(j => code.Score(words[j], read) > threshold).ToList();
            Assert.All(accused, a => Assert.Equal(leaker, a));
            if (accused.Count > 0) caught++;
        }
        output.WriteLine($"{language}: the leaker of a whole copy caught in {caught} of {trials} leaks; no innocent accused");
    }

    /// <summary>
    /// The demo's PoC among 300 recipients (issue 16's target, counted for the PoC alone): two
    /// colluders interleave runs of 1–6 lines, 30 leaks per marker version. No innocent may be
    /// accused; how often a colluder is caught is reported.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Two_colluders_interleaving_the_demo_PoC_among_300(int version)
    {
        var marked = CodeMarks.Prepare(CodeSamples.At("toolpane_poc.py", version), CodeLanguage.Python, version);
        var recipients = Enumerable.Range(0, 300).Select(j => $"partner-{j}").ToArray();
        var random = new Random(300);
        int caught = 0, trials = 30;
        for (var trial = 0; trial < trials; trial++)
        {
            var secret = new byte[32];
            random.NextBytes(secret);
            var key = $"demo-poc-{trial}";
            var code = TardosCode.ForArtifact(secret, key, marked.Sites.Count);
            var guilty = recipients.OrderBy(_ => random.Next()).Take(2).ToArray();
            var copies = guilty.Select(g => marked.Render(code.CodewordOf(secret, key, g)).Split('\n')).ToArray();
            var leaked = new List<string>();
            for (int line = 0, source = 0, run = 0; line < copies[0].Length; line++, run--)
            {
                if (run <= 0) { source = random.Next(2); run = random.Next(1, 7); }
                leaked.Add(copies[source][line]);
            }
            var result = Forewarn.Tracing.Trace.Tracer.Trace(marked, code, secret, key, recipients, string.Join('\n', leaked), Epsilon);
            Assert.All(result.Accused, a => Assert.Contains(a.Recipient, guilty));
            if (result.AnyoneAccused) caught++;
        }
        output.WriteLine($"demo PoC v{version}: {marked.Sites.Count} sites; two colluders among 300 caught in {caught} of {trials} leaks; no innocent accused");
    }
}
