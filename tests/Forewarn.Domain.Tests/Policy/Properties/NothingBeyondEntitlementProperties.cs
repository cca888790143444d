using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Policy;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>Invariant (c): no content class beyond the partner's entitlement.</summary>
public sealed class NothingBeyondEntitlementProperties
{
    [Property(MaxTest = 2000)]
    public Property A_class_restricted_for_the_partner_is_never_allowed() =>
        Prop.ForAll(WorldGenerator.Worlds, w => !EntitlementPolicy.Decide(w.Query).Allowed || !Model.Restricted(w));

    [Property(MaxTest = 2000)]
    public Property A_class_withheld_on_probation_is_never_allowed_while_on_probation() =>
        Prop.ForAll(WorldGenerator.Worlds, w => !EntitlementPolicy.Decide(w.Query).Allowed || !Model.ProbationWithheld(w, w.At));

    [Property(MaxTest = 2000)]
    public Property A_class_outside_an_applying_jurisdiction_limit_is_never_allowed() =>
        Prop.ForAll(WorldGenerator.Worlds, w => !EntitlementPolicy.Decide(w.Query).Allowed || !Model.JurisdictionLimited(w));

    [Property(MaxTest = 2000)]
    public Property A_class_limited_to_release_never_opens_or_is_allowed_before_release() =>
        Prop.ForAll(WorldGenerator.Worlds, w =>
        {
            if (!Model.OnlyAtRelease(w)) return true;
            var e = EntitlementPolicy.Decide(w.Query);
            return (!e.Allowed || w.At >= w.Advisory.Release) && (e.OpensAt is not { } o || o >= w.Advisory.Release);
        });
}
