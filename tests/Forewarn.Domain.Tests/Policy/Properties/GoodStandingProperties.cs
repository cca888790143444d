using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>Invariant (b): nothing reaches a partner out of good standing, or from a dead advisory.</summary>
public sealed class GoodStandingProperties
{
    [Property(MaxTest = 2000)]
    public Property Nothing_reaches_a_suspended_removed_or_applicant_partner() =>
        Prop.ForAll(WorldGenerator.Worlds, w => !EntitlementPolicy.Decide(w.Query).Allowed || Model.InGoodStanding(w, w.At));

    [Property(MaxTest = 2000)]
    public Property Nothing_reaches_a_partner_whose_contract_does_not_bind_at_that_time() =>
        Prop.ForAll(WorldGenerator.Worlds, w => !EntitlementPolicy.Decide(w.Query).Allowed || Model.ContractBinds(w, w.At));

    [Property(MaxTest = 2000)]
    public Property Nothing_comes_from_a_draft_or_withdrawn_advisory() =>
        Prop.ForAll(WorldGenerator.Worlds, w => !EntitlementPolicy.Decide(w.Query).Allowed || Model.AdvisoryLive(w, w.At));
}
