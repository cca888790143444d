using Forewarn.Domain.Partners;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Partners;

public sealed class PartnerLifecycleTests
{
    private static readonly DateTimeOffset Applied = Utc.At("2025-01-02T09:00Z");

    internal static Partner Applicant() => Partner.Create("Northwind Detection GmbH", "DE", ["EU"], PartnerCategory.AntivirusEdr,
        "strategic", Contract.Create("NDA-3", Applied, null), Applied, "staff");

    internal static Partner In(PartnerStatus status)
    {
        var partner = Applicant();
        var at = Applied;
        foreach (var step in Lifecycle.PathTo(status))
            partner.ChangeStatus(step, "programme decision", at = at.AddDays(10), "staff");
        return partner;
    }

    public static TheoryData<PartnerStatus, PartnerStatus> AllMoves()
    {
        var data = new TheoryData<PartnerStatus, PartnerStatus>();
        foreach (var from in Enum.GetValues<PartnerStatus>())
            foreach (var to in Enum.GetValues<PartnerStatus>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllMoves))]
    public void Exactly_the_moves_of_the_life_cycle_are_allowed(PartnerStatus from, PartnerStatus to)
    {
        var partner = In(from);
        Assert.Equal(from, partner.Status);
        var at = partner.History[^1].At.AddDays(1);

        if (Lifecycle.Legal[from].Contains(to))
        {
            partner.ChangeStatus(to, "programme decision", at, "staff");
            Assert.Equal(to, partner.Status);
            Assert.Equal(new StatusChange(from, to, at, "programme decision", "staff"), partner.History[^1]);
        }
        else
        {
            var historyBefore = partner.History.Count;
            Expect.Refusal("illegal-status-change", () => partner.ChangeStatus(to, "programme decision", at, "staff"));
            Assert.Equal(from, partner.Status);
            Assert.Equal(historyBefore, partner.History.Count);
        }
    }

    [Fact]
    public void A_new_partner_history_starts_with_joining_as_an_applicant()
    {
        var joined = Assert.Single(Applicant().History);

        Assert.Null(joined.From);
        Assert.Equal(PartnerStatus.Applicant, joined.To);
        Assert.Equal(Applied, joined.At);
        Assert.Equal(StatusChange.Joined(Applied, "staff"), joined);
    }

    [Fact]
    public void A_stored_move_to_the_same_status_reads_as_joining()
    {
        // Stores written before joining had no "from" hold applicant → applicant as the first step.
        var legacy = new StatusChange(PartnerStatus.Applicant, PartnerStatus.Applicant, Applied, "Application recorded", "staff");

        Assert.Null(legacy.From);
        Assert.Equal(PartnerStatus.Applicant, new StatusChange(PartnerStatus.Applicant, PartnerStatus.Active, Applied, "vetted", "staff").From);
    }

    [Fact]
    public void Removal_is_final_and_says_so()
    {
        var removed = In(PartnerStatus.Removed);

        var e = Expect.Refusal("illegal-status-change", () => removed.ChangeStatus(PartnerStatus.Active, "appeal", Applied.AddDays(100), "staff"));
        Assert.Contains("removal is final", e.Message);
    }

    [Fact]
    public void An_applicant_cannot_go_straight_to_probation_and_is_told_where_it_can_go()
    {
        var e = Expect.Refusal("illegal-status-change", () => Applicant().ChangeStatus(PartnerStatus.Probation, "trial", Applied.AddDays(1), "staff"));
        Assert.Contains("from applicant it can move to active, removed", e.Message);
    }

    [Fact]
    public void A_status_change_cannot_predate_the_last_one()
    {
        var partner = In(PartnerStatus.Active);

        Expect.Refusal("status-change-in-past", () =>
            partner.ChangeStatus(PartnerStatus.Suspended, "leak", partner.History[^1].At.AddMinutes(-1), "staff"));
    }

    [Fact]
    public void A_status_change_needs_a_reason()
    {
        Expect.Refusal("invalid-field", () => Applicant().ChangeStatus(PartnerStatus.Active, "  ", Applied.AddDays(1), "staff"));
    }

    [Fact]
    public void The_domain_table_agrees_with_the_life_cycle()
    {
        foreach (var from in Enum.GetValues<PartnerStatus>())
            Assert.Equal(Lifecycle.Legal[from].Order(), PartnerStatuses.NextFrom(from).Order());
    }

    [Theory]
    [InlineData(PartnerStatus.Active, true)]
    [InlineData(PartnerStatus.Probation, true)]
    [InlineData(PartnerStatus.Applicant, false)]
    [InlineData(PartnerStatus.Suspended, false)]
    [InlineData(PartnerStatus.Removed, false)]
    public void Only_active_and_probation_partners_receive(PartnerStatus status, bool receives)
    {
        Assert.Equal(receives, status.Receives());
    }

    [Fact]
    public void Statuses_parse_by_name_and_refuse_anything_else()
    {
        Assert.Equal(PartnerStatus.Probation, PartnerStatuses.Parse(" Probation "));
        Expect.Refusal("unknown-status", () => PartnerStatuses.Parse("banned"));
        Expect.Refusal("unknown-status", () => PartnerStatuses.Parse("7"));
    }
}
