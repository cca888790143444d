using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Partner;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.PartnerSightings;

/// <summary>What the partner sightings tests share: the report page, an advisory Corvid may not see, another partner's marked copy.</summary>
internal static class PartnerSightingSteps
{
    public const string Page = "/portal/sightings";

    /// <summary>The description open to Corvid, as Bastion's own copy (so its trace names Bastion, not the reporter).</summary>
    public static async Task<(string Advisory, byte[] BastionsCopy)> BastionsCopyAsync(ForewarnFactory f)
    {
        var (advisory, artifact) = await CorvidAtThePortal.OpenDescriptionAsync(f);
        var response = await f.Partner(DemoFacts.Trusted).GetAsync($"/api/v1/me/artifacts/{artifact}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (advisory, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>An advisory of the programme that Corvid's inbox does not list: a draft, which no partner sees.</summary>
    public static async Task<string> NotCorvidsAsync(ForewarnFactory f)
    {
        var draft = await f.Staff().PostJson("/api/v1/advisories", new
        {
            reference = "FW-2026-7701", title = "Draft nobody sees yet", cveIds = Array.Empty<string>(), products = new[] { "Halcyon Viewer 3" },
            cvssVector = "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H", releaseAt = ForewarnFactory.Start.AddDays(10),
        }, HttpStatusCode.Created);
        var id = (string)draft["id"]!;
        Assert.DoesNotContain((await CorvidAtThePortal.ApiAsync(f)).Select(a => (string)a!["id"]!), listed => listed == id);
        return id;
    }

    /// <summary>A first sighting three hours before the server's (fake) now, as the form takes it.</summary>
    public static string Seen(ForewarnFactory f) =>
        f.Clock.GetUtcNow().AddHours(-3).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many partner sightings and sighting.recorded entries the store holds (a refused form changes neither).</summary>
    public static Task<(int Sightings, int Samples, int Entries)> StoredAsync(ForewarnFactory f) => f.InStoreAsync(async db =>
        (await db.Sightings.CountAsync(), await db.PartnerSightingSamples.CountAsync(), await db.LogEntries.CountAsync(e => e.Kind == LogKinds.SightingRecorded)));

    /// <summary>The partner sightings staff list, newest first.</summary>
    public static async Task<JsonArray> StaffListAsync(ForewarnFactory f) => (await f.Staff().GetJson("/api/v1/sightings?kind=partner")).AsArray();
}
