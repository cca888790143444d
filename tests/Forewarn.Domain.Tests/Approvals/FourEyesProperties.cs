using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Tests.Approvals;

/// <summary>
/// The four-eyes invariant over random staff (members with one to three keys each), actions,
/// proposed times and windows, and random attempts to decide — by any key, at any time, in any
/// order: no proposal is ever approved except by a member other than its proposer, before it
/// expired, and at most once; every attempt that breaks a rule is refused and changes nothing.
/// </summary>
public sealed class FourEyesProperties
{
    private static readonly DateTimeOffset Start = ProposalTests.Now;

    public sealed record Attempt(int Member, int Key, bool Approve, int MinutesLater);

    public sealed record Scene(int Members, int KeysEach, GatedAction Action, int ProposerMember, int ProposerKey, int? EffectiveInMinutes,
        int WindowMinutes, IReadOnlyList<Attempt> Attempts);

    private static Gen<Scene> Scenes() =>
        from members in Gen.Choose(1, 4)
        from keys in Gen.Choose(1, 3)
        from action in Gen.Elements(GatedActions.All.ToArray())
        from proposer in Gen.Choose(0, members - 1)
        from proposerKey in Gen.Choose(0, keys - 1)
        from effective in Gen.Frequency(
            (2, Gen.Constant<int?>(null)),
            (3, Gen.Choose(-30, 3 * 1440).Select(m => (int?)m)))
        from window in Gen.Choose(5, 3 * 1440)
        from count in Gen.Choose(0, 8)
        from attempts in Gen.ListOf(
            from m in Gen.Choose(0, members - 1)
            from k in Gen.Choose(0, keys - 1)
            from approve in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from later in Gen.Choose(0, 4 * 1440)
            select new Attempt(m, k, approve, later), count)
        select new Scene(members, keys, action, proposer, proposerKey, effective, window, [.. attempts.OrderBy(a => a.MinutesLater)]);

    [Property(MaxTest = 3000)]
    public Property No_change_is_approved_without_two_distinct_members_in_time_and_once() =>
        Prop.ForAll(Arb.From(Scenes()), scene =>
        {
            var members = Enumerable.Range(0, scene.Members).Select(_ => StaffMemberId.New()).ToArray();
            var keys = members.Select(_ => Enumerable.Range(0, scene.KeysEach).Select(_ => Guid.NewGuid()).ToArray()).ToArray();
            StaffSignature Sign(int m, int k) => new(members[m], keys[m][k], $"staff:member{m}/key{k}");
            var proposal = Proposal.Open(scene.Action, null, "a change", "{}",
                scene.EffectiveInMinutes is { } e ? Start.AddMinutes(e) : null,
                Sign(scene.ProposerMember, scene.ProposerKey), Start, TimeSpan.FromMinutes(scene.WindowMinutes));
            var decisions = 0;
            foreach (var attempt in scene.Attempts)
            {
                var at = Start.AddMinutes(attempt.MinutesLater);
                var before = (proposal.State, proposal.DecidedAt, proposal.DeciderMember);
                var byProposer = attempt.Member == scene.ProposerMember;
                var expired = at >= proposal.ExpiresAt;
                try
                {
                    if (attempt.Approve) proposal.Approve(Sign(attempt.Member, attempt.Key), at);
                    else proposal.Reject(Sign(attempt.Member, attempt.Key), "not now", at);
                    decisions++;
                    // A decision that went through broke no rule.
                    if (byProposer || expired || before.State != ProposalState.Pending) return false;
                }
                catch (DomainException)
                {
                    // A refusal leaves the proposal as it was.
                    if ((proposal.State, proposal.DecidedAt, proposal.DeciderMember) != before) return false;
                    if (!byProposer && !expired && before.State == ProposalState.Pending) return false;
                }
            }
            var approvedRightly = proposal.State != ProposalState.Approved
                || (proposal.DeciderMember != proposal.ProposerMember && proposal.DecidedAt < proposal.ExpiresAt
                    && proposal.DecidedAt >= proposal.ProposedAt);
            var notLaterThanAsked = proposal.EffectiveAt is not { } eff || proposal.ExpiresAt <= eff;
            return approvedRightly && decisions <= 1 && notLaterThanAsked;
        });
}
