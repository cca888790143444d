using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Cli;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>
/// Participant review: a partner is due a tier's interval (a year by default) after its last
/// review or after it became a member; staff list who is due and record reviews, through the API
/// and <c>forewarn review due|record</c>.
/// </summary>
public sealed class ReviewTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task A_review_moves_the_next_due_date_by_the_tiers_interval()
    {
        var staff = server.Staff();
        var corvid = server.PartnerId(DemoFacts.Validate);
        var now = server.Factory.Clock.GetUtcNow();

        // Demo partners joined years ago and were never reviewed since: all overdue.
        var due = await staff.GetJson("/api/v1/reviews/due");
        var before = due.AsArray().Single(p => (string?)p!["partnerId"] == corvid)!;
        Assert.True((bool)before["overdue"]!);
        Assert.Null(before["reviewedAt"]);

        var tier = await staff.GetJson("/api/v1/tiers");
        var every = (double)tier.AsArray().Single(t => (string?)t!["name"] == "Validate")!["reviewEveryDays"]!;
        Assert.Equal(365, every);

        var reviewed = await staff.PostJson($"/api/v1/partners/{corvid}/reviews", new { note = "Checked contacts, NDA and last year's detection feedback." }, HttpStatusCode.OK);
        Assert.False((bool)reviewed["overdue"]!);
        Assert.Equal(now.AddDays(365), DateTimeOffset.Parse((string)reviewed["dueAt"]!, CultureInfo.InvariantCulture));
        Assert.DoesNotContain((await staff.GetJson("/api/v1/reviews/due?within=30")).AsArray(), p => (string?)p!["partnerId"] == corvid);
        Assert.Contains((await staff.GetJson("/api/v1/reviews/due?within=400")).AsArray(), p => (string?)p!["partnerId"] == corvid);

        var entry = await LogEntries.SingleAsync(staff, "partner.reviewed", "partner", corvid);
        Assert.Equal("Checked contacts, NDA and last year's detection feedback.", (string?)entry["entry"]!["note"]);
    }

    [Fact]
    public async Task Bad_input_is_refused_and_nothing_changes()
    {
        var staff = server.Staff();
        var bastion = server.PartnerId(DemoFacts.Trusted);
        await (await staff.GetAsync("/api/v1/reviews/due?within=-1")).Problem(HttpStatusCode.BadRequest, "invalid-within");
        await (await staff.PostAsJsonAsync($"/api/v1/partners/{bastion}/reviews", new { note = "" })).Problem(HttpStatusCode.BadRequest, "invalid-field");
        await (await staff.PostAsJsonAsync($"/api/v1/partners/{Guid.NewGuid()}/reviews", new { note = "x" })).Problem(HttpStatusCode.NotFound, "not-found");
        var refused = await server.WithKey(server.PartnerKey(DemoFacts.Trusted)).PostAsJsonAsync($"/api/v1/partners/{bastion}/reviews", new { note = "x" });
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, refused.StatusCode.ToString());
        var badTier = await staff.PutAsJsonAsync("/api/v1/tiers/Entry", new { reviewEveryDays = 1 });
        await badTier.Problem(HttpStatusCode.BadRequest, "invalid-review-interval");
        Assert.Null((await staff.GetJson("/api/v1/reviews/due?within=3650")).AsArray().Single(p => (string?)p!["partnerId"] == bastion)!["reviewedAt"]);
    }

    [Fact]
    public async Task The_cli_lists_who_is_due_and_records_a_review()
    {
        var quillon = server.PartnerId(DemoFacts.Restricted);
        var table = (await server.Run(server.StaffKey, "review", "due")).Ok();
        Assert.Contains("Quillon", table, StringComparison.Ordinal);
        Assert.Contains("overdue", table, StringComparison.Ordinal);

        var recorded = (await server.Run(server.StaffKey, "review", "record", quillon, "--note", "Annual review: no findings.")).Ok();
        Assert.Contains("next review due", recorded, StringComparison.Ordinal);
        var due = (await server.Run(server.StaffKey, "review", "due", "--within", "30", "--json")).Json().AsArray();
        Assert.DoesNotContain(due, p => (string?)p!["partnerId"] == quillon);

        Assert.Contains("note", (await server.Run(server.StaffKey, "review", "record", quillon)).Failed(2), StringComparison.Ordinal);
        var unacknowledged = (await server.Run(server.StaffKey, "review", "unacknowledged", "--json")).Json();
        Assert.NotNull(unacknowledged.AsArray());
        Assert.Contains("Reminded", (await server.Run(server.StaffKey, "review", "unacknowledged")).Ok(), StringComparison.Ordinal);
    }
}
