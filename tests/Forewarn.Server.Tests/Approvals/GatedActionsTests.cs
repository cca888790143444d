using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Approvals;

/// <summary>
/// Each action is gated by its own setting: with one switched on, that action — and only it — becomes
/// a proposal (202, nothing changed), while the others are made at once as before four eyes.
/// </summary>
public sealed class GatedActionsTests
{
    private static readonly string[] Settings = ["policyPublish", "pocWave", "releaseEarlier", "partnerRemoval", "staffWriteKey"];

    [Theory]
    [InlineData("policyPublish")]
    [InlineData("pocWave")]
    [InlineData("releaseEarlier")]
    [InlineData("partnerRemoval")]
    [InlineData("staffWriteKey")]
    public async Task Only_the_action_switched_on_waits_for_approval(string gated)
    {
        await using var f = new ForewarnFactory();
        f.Settings[$"approvals:{gated}"] = "on";
        var staff = f.Staff();
        var reference = DemoFacts.EmbargoReference(f);
        var current = await staff.GetJson("/api/v1/policy");
        var poc = await DemoFacts.ArtifactId(staff, reference, "poc");
        var partner = f.PartnerInfo(DemoFacts.Entry).Id;

        var attempts = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["policyPublish"] = () => staff.PostAsJsonAsync("/api/v1/policy/versions", new { reason = "Re-stated", rules = current["rules"] }),
            ["pocWave"] = () => staff.PostAsJsonAsync($"/api/v1/advisories/{reference}/waves", new { kind = "revised", artifactIds = new[] { poc } }),
            ["releaseEarlier"] = () => staff.PostAsJsonAsync($"/api/v1/advisories/{reference}/release-time",
                new { releaseAt = ForewarnFactory.Start.AddDays(1), reason = "Exploited" }),
            ["partnerRemoval"] = () => staff.PostAsJsonAsync($"/api/v1/partners/{partner}/status", new { status = "removed", reason = "Contract ended" }),
            ["staffWriteKey"] = () => staff.PostAsJsonAsync("/api/v1/keys", new { owner = "staff", name = "ops" }),
        };
        var made = new Dictionary<string, Func<Task<bool>>>
        {
            ["policyPublish"] = async () => (await staff.GetJson("/api/v1/policy/versions")).AsArray().Count == 3,
            ["pocWave"] = async () => (await DemoFacts.Advisory(staff, reference))["waves"]!.AsArray().Count == 4,
            ["releaseEarlier"] = async () => (await DemoFacts.Advisory(staff, reference))["releaseAt"]!.GetValue<DateTimeOffset>() == ForewarnFactory.Start.AddDays(1),
            ["partnerRemoval"] = async () => (await staff.GetJson($"/api/v1/partners/{partner}"))["status"]!.GetValue<string>() == "removed",
            ["staffWriteKey"] = async () => (await staff.GetJson("/api/v1/keys")).AsArray().Any(k => (string?)k!["name"] == "ops"),
        };

        foreach (var action in Settings)
        {
            var response = await attempts[action]();
            var body = await response.Content.ReadAsStringAsync();
            if (action == gated)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action} with its gate on answered {(int)response.StatusCode}: {body}");
                Assert.False(await made[action](), $"{action} was made although it waits for approval.");
            }
            else
            {
                Assert.True(response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Accepted,
                    $"{action} with its gate off answered {(int)response.StatusCode}: {body}");
                Assert.True(await made[action](), $"{action} with its gate off was not made at once.");
            }
        }
        Assert.Single((await staff.GetJson("/api/v1/approvals")).AsArray());
    }
}
