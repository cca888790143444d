using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Approvals;

public sealed class ProposalTests
{
    internal static readonly DateTimeOffset Now = Utc.At("2026-03-02T09:00Z");
    internal static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private static readonly StaffSignature Ines = new(StaffMemberId.New(), Guid.NewGuid(), "staff:Ines");
    private static readonly StaffSignature InesLaptop = Ines with { Key = Guid.NewGuid(), Name = "staff:Ines laptop" };
    private static readonly StaffSignature Tomas = new(StaffMemberId.New(), Guid.NewGuid(), "staff:Tomas");

    private static Proposal Open(DateTimeOffset? effectiveAt = null) =>
        Proposal.Open(GatedAction.PolicyPublish, null, "Publish a new policy version", "{}", effectiveAt, Ines, Now, Window);

    [Fact]
    public void The_proposer_cannot_approve_or_reject_with_the_same_key_or_another_of_their_keys()
    {
        var p = Open();
        Expect.Refusal("same-member", () => p.Approve(Ines, Now.AddMinutes(1)));
        var e = Expect.Refusal("same-member", () => p.Approve(InesLaptop, Now.AddMinutes(1)));
        Assert.Equal(ErrorCategory.Forbidden, e.Category);
        Expect.Refusal("same-member", () => p.Reject(InesLaptop, "changed my mind", Now.AddMinutes(1)));
        Assert.Equal(ProposalState.Pending, p.State);
    }

    [Fact]
    public void Another_member_approves_once()
    {
        var p = Open();
        p.Approve(Tomas, Now.AddHours(1));
        Assert.Equal(ProposalState.Approved, p.State);
        Assert.Equal(Tomas.Member, p.DeciderMember);
        Assert.Equal(Now.AddHours(1), p.DecidedAt);
        Expect.Refusal("proposal-decided", () => p.Approve(Tomas, Now.AddHours(2)));
        Expect.Refusal("proposal-decided", () => p.Reject(Tomas, "too late", Now.AddHours(2)));
    }

    [Fact]
    public void It_expires_after_the_window_and_an_approval_then_is_refused()
    {
        var p = Open();
        Assert.Equal(Now + Window, p.ExpiresAt);
        Assert.Equal(ProposalState.Pending, p.StateAt(p.ExpiresAt.AddTicks(-1)));
        Assert.Equal(ProposalState.Expired, p.StateAt(p.ExpiresAt));
        Expect.Refusal("proposal-expired", () => p.Approve(Tomas, p.ExpiresAt));
        p.Expire(p.ExpiresAt.AddMinutes(3));
        Assert.Equal(ProposalState.Expired, p.State);
        Assert.Equal(p.ExpiresAt, p.DecidedAt);
    }

    [Fact]
    public void A_proposed_time_before_the_window_ends_is_when_it_expires()
    {
        var p = Open(Now.AddHours(3));
        Assert.Equal(Now.AddHours(3), p.EffectiveAt);
        Assert.Equal(Now.AddHours(3), p.ExpiresAt);
        Assert.Equal(Now + Window, Open(Now.AddDays(5)).ExpiresAt);
    }

    [Fact]
    public void A_proposed_time_that_is_not_in_the_future_means_at_approval()
    {
        var p = Open(Now.AddMinutes(-2));
        Assert.Null(p.EffectiveAt);
        Assert.Equal(Now + Window, p.ExpiresAt);
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var p = Open();
        Expect.Refusal("invalid-field", () => p.Reject(Tomas, " ", Now.AddMinutes(1)));
        p.Reject(Tomas, "Rule R4 would withhold detection guidance from the validate group", Now.AddMinutes(1));
        Assert.Equal(ProposalState.Rejected, p.State);
    }

    [Fact]
    public void Only_an_approved_proposal_is_carried_out_and_only_once()
    {
        var p = Open();
        Expect.Refusal("proposal-not-approved", () => p.MarkApplied(Now, "/x"));
        p.Approve(Tomas, Now.AddMinutes(5));
        p.MarkApplied(Now.AddMinutes(5), "/api/v1/policy/versions/3");
        Expect.Refusal("proposal-applied", () => p.MarkApplied(Now.AddMinutes(6), "/y"));
    }

    [Theory]
    [InlineData("policy-publish", GatedAction.PolicyPublish)]
    [InlineData("Release-Earlier", GatedAction.ReleaseEarlier)]
    [InlineData("poc-wave", GatedAction.PocWave)]
    [InlineData("partner-removal", GatedAction.PartnerRemoval)]
    [InlineData("staff-write-key", GatedAction.StaffWriteKey)]
    [InlineData("sanction-lift", GatedAction.SanctionLift)]
    [InlineData("write-role-invitation", GatedAction.WriteRoleInvitation)]
    public void Actions_have_stable_names(string name, GatedAction action)
    {
        Assert.Equal(action, GatedActions.Parse(name));
        Assert.Equal(name.ToLowerInvariant(), action.Name());
    }

    [Fact]
    public void An_unknown_action_is_refused_with_the_known_ones()
    {
        var e = Expect.Refusal("unknown-action", () => GatedActions.Parse("wave"));
        Assert.Contains("poc-wave", e.Message, StringComparison.Ordinal);
    }
}
