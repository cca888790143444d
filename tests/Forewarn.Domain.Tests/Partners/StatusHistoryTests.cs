using Forewarn.Domain.Partners;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Partners;

public sealed class StatusHistoryTests
{
    private static readonly DateTimeOffset Applied = Utc.At("2025-01-02T09:00Z");
    private static readonly DateTimeOffset Admitted = Utc.At("2025-02-01T00:00Z");
    private static readonly DateTimeOffset Warned = Utc.At("2025-05-01T00:00Z");
    private static readonly DateTimeOffset Suspended = Utc.At("2025-07-08T00:00Z");

    private static Partner WithHistory()
    {
        var p = PartnerLifecycleTests.Applicant();
        p.ChangeStatus(PartnerStatus.Active, "vetted", Admitted, "staff");
        p.ChangeStatus(PartnerStatus.Probation, "late acknowledgements", Warned, "staff");
        p.ChangeStatus(PartnerStatus.Suspended, "suspected leak", Suspended, "staff");
        return p;
    }

    [Theory]
    [InlineData("2024-12-31T00:00Z", PartnerStatus.Applicant)]
    [InlineData("2025-01-02T09:00Z", PartnerStatus.Applicant)]
    [InlineData("2025-01-31T23:59Z", PartnerStatus.Applicant)]
    [InlineData("2025-02-01T00:00Z", PartnerStatus.Active)]
    [InlineData("2025-04-30T23:59Z", PartnerStatus.Active)]
    [InlineData("2025-05-01T00:00Z", PartnerStatus.Probation)]
    [InlineData("2025-07-07T23:59Z", PartnerStatus.Probation)]
    [InlineData("2025-07-08T00:00Z", PartnerStatus.Suspended)]
    [InlineData("2030-01-01T00:00Z", PartnerStatus.Suspended)]
    public void The_status_at_a_moment_is_the_last_change_by_then(string at, PartnerStatus expected)
    {
        Assert.Equal(expected, WithHistory().StatusAt(Utc.At(at)));
    }

    [Fact]
    public void The_history_records_every_move_with_its_reason_and_the_current_status_is_the_last()
    {
        var p = WithHistory();

        Assert.Equal(PartnerStatus.Suspended, p.Status);
        Assert.Equal(
            [PartnerStatus.Applicant, PartnerStatus.Active, PartnerStatus.Probation, PartnerStatus.Suspended],
            p.History.Select(c => c.To));
        Assert.Equal("suspected leak", p.History[^1].Reason);
        Assert.Equal(PartnerStatus.Probation, p.History[^1].From);
    }

    [Fact]
    public void StatusSince_tells_when_the_status_in_force_began()
    {
        var p = WithHistory();

        Assert.Equal(Warned, p.StatusSince(Utc.At("2025-06-01T00:00Z")));
        Assert.Equal(Suspended, p.StatusSince(Suspended));
        Assert.Equal(Applied, p.StatusSince(Utc.At("2024-06-01T00:00Z")));
    }

    [Fact]
    public void Two_changes_at_the_same_moment_resolve_to_the_later_one()
    {
        var p = PartnerLifecycleTests.Applicant();
        p.ChangeStatus(PartnerStatus.Active, "vetted", Admitted, "staff");
        p.ChangeStatus(PartnerStatus.Suspended, "immediate suspension", Admitted, "staff");

        Assert.Equal(PartnerStatus.Suspended, p.StatusAt(Admitted));
    }
}
