using System.Net;
using System.Net.Http.Json;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Investigations;

/// <summary>
/// A change of a jurisdiction's facts takes effect on the next request — on every server, not
/// only the one that made it: the CN partner's PoC of the released replay is withheld while China
/// has the mandatory-reporting fact (R3), open on the next request once staff clear it, and
/// withheld again on the next request once they restore it.
/// </summary>
public sealed class JurisdictionChangeTests
{
    [Fact]
    public async Task A_jurisdictions_facts_decide_the_very_next_request_on_both_servers()
    {
        await using var f = new ForewarnFactory();
        await using var second = new SecondServer(f);
        var staff = f.Staff();
        var poc = await DemoFacts.ArtifactId(staff, DemoFacts.Replay, "poc");
        using var onFirst = f.Partner(DemoFacts.China);
        using var onSecond = second.WithKey(f.PartnerInfo(DemoFacts.China).ApiKey);
        var china = (await staff.GetJson("/api/v1/jurisdictions")).AsArray().Single(j => (string?)j!["code"] == "CN")!;
        var facts = china["facts"]!.AsArray().Select(x => (string)x!).ToArray();
        Assert.Contains("mandatory-vulnerability-reporting", facts);

        Assert.Equal(HttpStatusCode.NotFound, (await onFirst.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onSecond.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);

        var cleared = await staff.PutAsJsonAsync("/api/v1/jurisdictions/CN", new { name = (string)china["name"]!, facts = Array.Empty<string>(), notes = (string?)china["notes"] ?? "" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);

        var restored = await staff.PutAsJsonAsync("/api/v1/jurisdictions/CN", new { name = (string)china["name"]!, facts, notes = (string?)china["notes"] ?? "" });
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onSecond.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onFirst.GetAsync($"/api/v1/me/artifacts/{poc}/content")).StatusCode);
    }
}
