using Forewarn.Tracing.Code;
using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Tests.Code;
using Forewarn.Tracing.Tests.Text;
using Forewarn.Tracing.Text;
using Forewarn.Tracing.Trace;

namespace Forewarn.Tracing.Tests.Trace;

/// <summary>
/// A whole trace over real marked artifacts: every recipient's copy rendered from the programme
/// secret, one copy (or a mix) leaked, the marks read back, every recipient scored.
/// </summary>
public sealed class TracerTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(7, 32).Select(i => (byte)i)];

    private static (TardosCode Code, string[] Recipients, Func<string, string> CopyOf) Issue(IMarkedArtifact artifact, string id, int population)
    {
        var code = TardosCode.ForArtifact(Secret, id, artifact.Sites.Count, 2);
        var recipients = Enumerable.Range(0, population).Select(i => $"partner-{i:000}").ToArray();
        return (code, recipients, r => artifact.Render(code.CodewordOf(Secret, id, r)));
    }

    [Fact]
    public void A_leaked_proof_of_concept_names_its_recipient_and_no_one_else()
    {
        var artifact = CodeSamples.Prepared(CodeLanguage.Python);
        var (code, recipients, copyOf) = Issue(artifact, "poc-1", 60);
        var leaked = copyOf("partner-017").Replace("\n", "\r\n", StringComparison.Ordinal); // through a Windows editor

        var result = Tracer.Trace(artifact, code, Secret, "poc-1", recipients, leaked);

        Assert.Equal("partner-017", Assert.Single(result.Accused).Recipient);
        Assert.Equal(artifact.Sites.Count, result.Sites);
        Assert.True(result.MarksRead > artifact.Sites.Count / 2, $"{result.MarksRead} of {artifact.Sites.Count} marks read");
        Assert.All(result.NearMisses, n => Assert.True(n.Score <= result.Threshold));
        Assert.Equal(60, result.Population);
    }

    [Fact]
    public void Text_nobody_received_accuses_nobody()
    {
        var artifact = TextMarks.Prepare(SampleAdvisories.Description);
        var (code, recipients, _) = Issue(artifact, "desc-1", 40);
        var result = Tracer.Trace(artifact, code, Secret, "desc-1", recipients, SampleAdvisories.Description);
        Assert.False(result.AnyoneAccused);
        var unrelated = Tracer.Trace(artifact, code, Secret, "desc-1", recipients, SampleAdvisories.Mitigation);
        Assert.False(unrelated.AnyoneAccused);
    }

    [Fact]
    public void Two_partners_mixing_their_code_copies_line_by_line_accuse_no_innocent()
    {
        var artifact = CodeSamples.Prepared(CodeLanguage.Python);
        for (var run = 0; run < 10; run++)
        {
            var (code, recipients, copyOf) = Issue(artifact, $"poc-mix-{run}", 30);
            var a = copyOf(recipients[run]).Split('\n');
            var b = copyOf(recipients[29 - run]).Split('\n');
            var mixed = string.Join('\n', a.Select((line, i) => i < b.Length && i % 2 == 1 ? b[i] : line));
            var result = Tracer.Trace(artifact, code, Secret, $"poc-mix-{run}", recipients, mixed);
            Assert.All(result.Accused, x => Assert.Contains(x.Recipient, new[] { recipients[run], recipients[29 - run] }));
        }
    }

    [Fact]
    public void A_trace_over_thousands_scores_everyone_as_each_copy_scored_alone_and_sorts_the_near_misses()
    {
        var artifact = TextMarks.Prepare(SampleAdvisories.Description);
        var (code, recipients, copyOf) = Issue(artifact, "desc-big", 3000);
        var leaked = copyOf("partner-1234");
        var result = Tracer.Trace(artifact, code, Secret, "desc-big", recipients, leaked, nearMisses: 20);
        var read = artifact.Read(leaked);
        var alone = recipients.ToDictionary(r => r, r => code.Score(code.CodewordOf(Secret, "desc-big", r), read));
        Assert.Equal(3000, result.Population);
        Assert.All(result.Accused.Concat(result.NearMisses), s => Assert.Equal(alone[s.Recipient], s.Score));
        Assert.Equal(alone.Values.Where(v => v > result.Threshold).Count(), result.Accused.Count);
        Assert.Equal(20, result.NearMisses.Count);
        var expected = alone.Where(kv => !(kv.Value > result.Threshold)).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(20).Select(kv => kv.Key);
        Assert.Equal(expected, result.NearMisses.Select(n => n.Recipient));
    }

    [Fact]
    public void A_code_that_does_not_fit_the_artifact_is_refused()
    {
        var artifact = TextMarks.Prepare(SampleAdvisories.Description);
        var wrong = TardosCode.ForArtifact(Secret, "x", artifact.Sites.Count + 1, 2);
        Assert.Throws<ArgumentException>(() => Tracer.Trace(artifact, wrong, Secret, "x", ["a"], "text"));
    }
}
