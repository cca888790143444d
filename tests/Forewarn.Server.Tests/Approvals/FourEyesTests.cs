using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using static Forewarn.Server.Tests.Approvals.Proposals;

namespace Forewarn.Server.Tests.Approvals;

/// <summary>
/// Four eyes with the server's defaults (every gated action on): a change that needs them waits as a
/// proposal, shown where it would be, until a different staff member — not another key of the same
/// one — approves (the change is made then, by the feature's own code, and both are in the log) or
/// rejects it (nothing changes), or it expires.
/// </summary>
public sealed class FourEyesTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public FourEyesTests() => FourEyes.On(_f.Settings);

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static object SameRulesAgain(System.Text.Json.Nodes.JsonNode current, string reason, DateTimeOffset? from = null) =>
        new { effectiveFrom = from, reason, rules = current["rules"] };

    [Fact]
    public async Task A_policy_version_waits_for_a_second_member_and_is_published_when_they_approve()
    {
        var staff = _f.Staff();
        var second = _f.SecondStaff();
        var before = (await staff.GetJson("/api/v1/policy/versions")).AsArray().Count;
        var proposal = await ProposeAsync(staff, "/api/v1/policy/versions", SameRulesAgain(await staff.GetJson("/api/v1/policy"), "Same rules, re-stated"));
        Assert.Equal("policy-publish", (string?)proposal["action"]);

        // Nothing published yet; the policy's own view shows what waits.
        Assert.Equal(before, (await staff.GetJson("/api/v1/policy/versions")).AsArray().Count);
        var pending = (await staff.GetJson("/api/v1/policy"))["pending"]!.AsArray();
        Assert.Equal((string?)proposal["id"], (string?)pending.Single()!["proposal"]);

        // The proposer cannot approve: not with the same key, nor with another key of theirs.
        await (await ApproveAsync(staff, proposal)).Problem(HttpStatusCode.Forbidden, "same-member");
        await (await ApproveAsync(await FirstMembersOtherKeyAsync(_f), proposal)).Problem(HttpStatusCode.Forbidden, "same-member");
        Assert.Equal(before, (await staff.GetJson("/api/v1/policy/versions")).AsArray().Count);

        var approved = await (await ApproveAsync(second, proposal)).Json(HttpStatusCode.OK);
        Assert.Equal("approved", (string?)approved["state"]);
        var versions = (await staff.GetJson("/api/v1/policy/versions")).AsArray();
        Assert.Equal(before + 1, versions.Count);
        Assert.Equal($"/api/v1/policy/versions/{versions[^1]!["number"]}", (string?)approved["outcome"]);
        Assert.Empty((await staff.GetJson("/api/v1/policy"))["pending"]!.AsArray());

        // Both steps in the log, and the change's own entry names both members.
        var id = (string)proposal["id"]!;
        var proposed = (await LogEntries.SingleAsync(staff, LogKinds.ChangeProposed, "proposal", id))["entry"]!;
        Assert.Equal("policy-publish", (string?)proposed["action"]);
        Assert.Equal("Same rules, re-stated", (string?)proposed["request"]!["reason"]);
        var approval = (await LogEntries.SingleAsync(staff, LogKinds.ChangeApproved, "proposal", id))["entry"]!;
        Assert.NotEqual((string?)approval["proposed_by_member"], (string?)approval["actor_member"]);
        var change = (await LogEntries.SingleAsync(staff, LogKinds.PolicyChanged, "proposal", id))["entry"]!;
        Assert.Equal((string?)proposed["actor_key"], (string?)change["proposed_by_key"]);
        Assert.Equal((string?)approval["actor_key"], (string?)change["actor_key"]);
        Assert.Equal((string?)approval["actor_key"], (string?)change["approved_by_key"]);

        await (await ApproveAsync(second, proposal)).Problem(HttpStatusCode.Conflict, "proposal-decided");
    }

    [Fact]
    public async Task A_rejected_removal_leaves_the_partner_as_it_was()
    {
        var staff = _f.Staff();
        var partner = _f.PartnerInfo(DemoFacts.Entry).Id;
        var proposal = await ProposeAsync(staff, $"/api/v1/partners/{partner}/status", new { status = "removed", reason = "Contract ended" });
        Assert.Equal("partner-removal", (string?)proposal["action"]);
        var shown = await staff.GetJson($"/api/v1/partners/{partner}");
        Assert.Equal("active", (string?)shown["status"]);
        Assert.Equal((string?)proposal["id"], (string?)shown["pending"]!.AsArray().Single()!["proposal"]);
        var historyBefore = shown["history"]!.AsArray().Count;

        await (await RejectAsync(await FirstMembersOtherKeyAsync(_f), proposal, "no")).Problem(HttpStatusCode.Forbidden, "same-member");
        await (await RejectAsync(_f.SecondStaff(), proposal, " ")).Problem(HttpStatusCode.BadRequest, "invalid-field");
        var rejected = await (await RejectAsync(_f.SecondStaff(), proposal, "The contract was renewed yesterday")).Json(HttpStatusCode.OK);
        Assert.Equal("rejected", (string?)rejected["state"]);
        Assert.Null((string?)rejected["outcome"]);

        var after = await staff.GetJson($"/api/v1/partners/{partner}");
        Assert.Equal("active", (string?)after["status"]);
        Assert.Equal(historyBefore, after["history"]!.AsArray().Count);
        Assert.Empty(after["pending"]!.AsArray());
        var entry = (await LogEntries.SingleAsync(staff, LogKinds.ChangeRejected, "proposal", (string)proposal["id"]!))["entry"]!;
        Assert.Equal("The contract was renewed yesterday", (string?)entry["reason"]);
        Assert.DoesNotContain(await LogEntries.OfKindAsync(staff, LogKinds.PartnerChanged),
            e => (string?)e["entry"]!["partner"] == partner.ToString() && (string?)e["entry"]!["change"] == "status");
        await (await ApproveAsync(_f.SecondStaff(), proposal)).Problem(HttpStatusCode.Conflict, "proposal-decided");
        Assert.Equal("active", await PartnerStatusAsync(staff, partner));
    }

    [Fact]
    public async Task An_approval_after_the_time_limit_is_refused_and_the_expiry_is_logged()
    {
        var staff = _f.Staff();
        var partner = _f.PartnerInfo(DemoFacts.Probation).Id;
        var proposal = await ProposeAsync(staff, $"/api/v1/partners/{partner}/status", new { status = "removed", reason = "Repeated late reports" });
        Assert.Equal(ForewarnFactory.Start.AddHours(24), DateTimeOffset.Parse((string)proposal["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        _f.Clock.Advance(TimeSpan.FromHours(24));
        await (await ApproveAsync(_f.SecondStaff(), proposal)).Problem(HttpStatusCode.Conflict, "proposal-expired");
        Assert.Equal("probation", await PartnerStatusAsync(staff, partner));
        Assert.Equal("expired", (string?)(await staff.GetJson($"/api/v1/approvals/{proposal["id"]}"))["state"]);
        Assert.Empty((await staff.GetJson("/api/v1/approvals")).AsArray());

        // The expiry job records it (woken by the clock) with its own entry.
        var id = (string)proposal["id"]!;
        for (var i = 0; i < 200 && !(await LogEntries.OfKindAsync(staff, LogKinds.ChangeExpired)).Any(e => (string?)e["entry"]!["proposal"] == id); i++)
            await Task.Delay(50);
        var expired = (await LogEntries.SingleAsync(staff, LogKinds.ChangeExpired, "proposal", id))["entry"]!;
        Assert.Equal("partner-removal", (string?)expired["action"]);
        Assert.Equal("expired", (string?)(await staff.GetJson("/api/v1/approvals?state=expired")).AsArray().Single(p => (string?)p!["id"] == id)!["state"]);
    }

    [Fact]
    public async Task A_release_brought_forward_waits_on_the_advisory_and_expires_at_the_proposed_time()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var advisory = await DemoFacts.Advisory(staff, reference);
        var release = (DateTimeOffset)advisory["releaseAt"]!.GetValue<DateTimeOffset>();
        var earlier = ForewarnFactory.Start.AddHours(6);
        var proposal = await ProposeAsync(staff, $"/api/v1/advisories/{reference}/release-time",
            new { releaseAt = earlier, reason = "Exploitation seen in the wild" });
        Assert.Equal("release-earlier", (string?)proposal["action"]);
        Assert.Equal(earlier, proposal["expiresAt"]!.GetValue<DateTimeOffset>());
        var shown = await DemoFacts.Advisory(staff, reference);
        Assert.Equal(release, shown["releaseAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal((string?)proposal["id"], (string?)shown["pending"]!.AsArray().Single()!["proposal"]);

        // Postponing needs nobody else.
        await staff.PostJson($"/api/v1/advisories/{reference}/release-time", new { releaseAt = release.AddDays(1), reason = "Vendor slip" }, HttpStatusCode.OK);

        _f.Clock.Advance(TimeSpan.FromHours(2));
        var approved = await (await ApproveAsync(_f.SecondStaff(), proposal)).Json(HttpStatusCode.OK);
        Assert.Equal($"/api/v1/advisories/{reference}", (string?)approved["outcome"]);
        var moved = await DemoFacts.Advisory(staff, reference);
        Assert.Equal(earlier, moved["releaseAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(moved["pending"]!.AsArray());
    }

    [Fact]
    public async Task A_PoC_wave_approved_late_goes_out_at_approval_and_a_wave_without_PoC_needs_nobody()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var poc = await DemoFacts.ArtifactId(staff, reference, "poc");
        var notice = await DemoFacts.ArtifactId(staff, reference, "notice");
        await staff.PostJson($"/api/v1/advisories/{reference}/waves", new { kind = "revised", artifactIds = new[] { notice }, note = "Notice again" },
            HttpStatusCode.Created);

        var proposal = await ProposeAsync(staff, $"/api/v1/advisories/{reference}/waves",
            new { kind = "revised", artifactIds = new[] { poc }, note = "PoC for the validate group" });
        Assert.Equal("poc-wave", (string?)proposal["action"]);
        Assert.Null((string?)proposal["effectiveAt"]);
        var waves = (await DemoFacts.Advisory(staff, reference))["waves"]!.AsArray().Count;

        // Proposed "now", approved three hours later: the wave goes out at the approval, not refused as in the past.
        _f.Clock.Advance(TimeSpan.FromHours(3));
        var approved = await (await ApproveAsync(_f.SecondStaff(), proposal)).Json(HttpStatusCode.OK);
        var shown = await DemoFacts.Advisory(staff, reference);
        var wave = shown["waves"]!.AsArray()[^1]!;
        Assert.Equal(waves + 1, shown["waves"]!.AsArray().Count);
        Assert.Equal($"/api/v1/advisories/{reference}/waves/{wave["number"]}", (string?)approved["outcome"]);
        Assert.Equal(ForewarnFactory.Start.AddHours(3), wave["at"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task A_write_key_goes_to_its_member_only_once_approved_and_a_read_key_needs_nobody()
    {
        var staff = _f.Staff();
        var added = await staff.PostJson("/api/v1/staff", new { name = "Ana Moreau" }, HttpStatusCode.Created);
        var ana = (string)added["id"]!;
        var readKey = await staff.PostJson("/api/v1/keys", new { owner = "staff", memberId = ana, name = "Ana reads", scopes = new[] { "staff:read" } },
            HttpStatusCode.Created);
        var asAna = _f.WithKey((string)readKey["token"]!);

        var proposal = await ProposeAsync(staff, "/api/v1/keys", new { owner = "staff", memberId = ana, name = "Ana writes" });
        Assert.Equal("staff-write-key", (string?)proposal["action"]);
        var member = (await staff.GetJson("/api/v1/staff")).AsArray().Single(m => (string?)m!["id"] == ana)!;
        Assert.Equal((string?)proposal["id"], (string?)member["pending"]!.AsArray().Single()!["proposal"]);

        var collect = $"/api/v1/approvals/{proposal["id"]}/key";
        await (await asAna.PostAsJsonAsync(collect, new { })).Problem(HttpStatusCode.Conflict, "proposal-not-approved");
        // A read key cannot approve (nor can Ana approve anything yet).
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveAsync(asAna, proposal)).StatusCode);
        await (await ApproveAsync(_f.SecondStaff(), proposal)).Json(HttpStatusCode.OK);

        // Neither the proposer nor the approver gets the token; Ana does, once.
        await (await staff.PostAsJsonAsync(collect, new { })).Problem(HttpStatusCode.Forbidden, "not-the-keys-member");
        await (await _f.SecondStaff().PostAsJsonAsync(collect, new { })).Problem(HttpStatusCode.Forbidden, "not-the-keys-member");
        var issued = await (await asAna.PostAsJsonAsync(collect, new { })).Json(HttpStatusCode.Created);
        Assert.Equal(ana, (string?)issued["key"]!["memberId"]);
        Assert.Contains("staff:write", issued["key"]!["scopes"]!.AsArray().Select(s => (string?)s));
        await (await asAna.PostAsJsonAsync(collect, new { })).Problem(HttpStatusCode.Conflict, "key-collected");

        // Ana's write key works, and Ana is a second pair of eyes for what the first member proposes.
        var anaWrites = _f.WithKey((string)issued["token"]!);
        var removal = await ProposeAsync(staff, $"/api/v1/partners/{_f.PartnerInfo(DemoFacts.Suspended).Id}/status",
            new { status = "removed", reason = "Breach of the NDA" });
        await (await ApproveAsync(anaWrites, removal)).Json(HttpStatusCode.OK);
        Assert.Equal("removed", await PartnerStatusAsync(staff, _f.PartnerInfo(DemoFacts.Suspended).Id));

        var keyEntry = (await LogEntries.SingleAsync(staff, LogKinds.KeyIssued, "proposal", (string)proposal["id"]!))["entry"]!;
        Assert.Equal(ana, (string?)keyEntry["member"]);
        Assert.Equal(ana, (string?)keyEntry["actor_member"]);
    }
}
