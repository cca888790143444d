using FsCheck.Fluent;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>
/// The properties are only as good as the worlds they see: every verdict and every reason for a
/// denial must turn up often enough, or a property could pass by never meeting its case.
/// </summary>
public sealed class GeneratorCoverageTests
{
    private static readonly World[] Sample = WorldGenerator.Worlds.Generator.Sample(3000, 50);

    private static double Share(Func<World, bool> predicate) => Sample.Count(predicate) / (double)Sample.Length;

    [Fact]
    public void Every_verdict_is_common()
    {
        Assert.Equal(3000, Sample.Length);
        var verdicts = Sample.Select(w => EntitlementPolicy.Decide(w.Query).Verdict).ToList();

        Assert.True(verdicts.Count(v => v == "allowed") > Sample.Length * 0.10, "too few allowed");
        Assert.True(verdicts.Count(v => v == "not-yet") > Sample.Length * 0.05, "too few not-yet");
        Assert.True(verdicts.Count(v => v == "denied") > Sample.Length * 0.20, "too few denied");
    }

    [Fact]
    public void Every_reason_to_deny_turns_up()
    {
        Assert.True(Share(w => Model.StatusAt(w, w.At) == PartnerStatus.Applicant) > 0.01, "applicants");
        Assert.True(Share(w => Model.StatusAt(w, w.At) == PartnerStatus.Suspended) > 0.02, "suspended");
        Assert.True(Share(w => Model.StatusAt(w, w.At) == PartnerStatus.Removed) > 0.02, "removed");
        Assert.True(Share(w => Model.ProbationWithheld(w, w.At)) > 0.01, "probation-withheld");
        Assert.True(Share(w => !Model.ContractBinds(w, w.At)) > 0.05, "contract");
        Assert.True(Share(w => !Model.AdvisoryLive(w, w.At)) > 0.05, "advisory state");
        Assert.True(Share(Model.Restricted) > 0.05, "restricted");
        Assert.True(Share(Model.JurisdictionLimited) > 0.05, "jurisdiction-limited");
        Assert.True(Share(Model.OnlyAtRelease) > 0.02, "only at release");
        Assert.True(Share(Model.PublicAtRelease) > 0.10, "public at release");
        Assert.True(Share(w => Model.Opens(w) is null) > 0.05, "never opens");
    }

    [Fact]
    public void Boundaries_are_hit_exactly()
    {
        Assert.True(Share(w => w.At == w.Advisory.Release) > 0.01, "release");
        Assert.True(Share(w => w.Advisory.Waves.Any(x => x.At == w.At)) > 0.01, "wave");
        Assert.True(Share(w => Model.Lead(w) is { } l && w.At == w.Advisory.Release - l) > 0.01, "lead-time start");
        Assert.True(Share(w => !Model.Blocked(w, w.At) && Model.Opens(w) == w.At) > 0.01, "opening moment");
    }
}
