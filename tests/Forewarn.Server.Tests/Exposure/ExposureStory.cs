using System.Net;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Exposure;

/// <summary>
/// A small incident on the demo's embargoed advisory: its waves are announced as they come,
/// Corvid (Validate) fetches the detection guidance on day one, Bastion (Trusted) the PoC on day
/// two, and T is an hour after that; Quillon (Trusted, no PoC) fetches the description only after
/// T, and the clock then moves on two more hours.
/// </summary>
internal static class ExposureStory
{
    public static readonly DateTimeOffset T = ForewarnFactory.Start.AddDays(2).AddHours(2);

    /// <summary>Plays the story; <paramref name="partner"/> gives a client with a demo partner's key. Returns the advisory's reference.</summary>
    public static async Task<string> PlayAsync(ForewarnFactory f, HttpClient staff, Func<string, HttpClient> partner)
    {
        var reference = DemoFacts.EmbargoReference(f);
        await AnnounceAsync(f);
        f.Clock.SetUtcNow(ForewarnFactory.Start.AddMinutes(5));
        await FetchAsync(partner(DemoFacts.Validate), await DemoFacts.ArtifactId(staff, reference, "detection"));

        f.Clock.SetUtcNow(ForewarnFactory.Start.AddDays(2).AddHours(1));
        await AnnounceAsync(f);
        await FetchAsync(partner(DemoFacts.Trusted), await DemoFacts.ArtifactId(staff, reference, "poc"));
        await FetchAsync(partner(DemoFacts.Trusted), await DemoFacts.ArtifactId(staff, reference, "poc"));

        f.Clock.SetUtcNow(T.AddHours(1));
        await FetchAsync(partner(DemoFacts.Restricted), await DemoFacts.ArtifactId(staff, reference, "description"));
        f.Clock.SetUtcNow(T.AddHours(2));
        return reference;
    }

    public static async Task FetchAsync(HttpClient partner, string artifact)
    {
        using var response = await partner.GetAsync($"/api/v1/me/artifacts/{artifact}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Task<int> AnnounceAsync(ForewarnFactory f) =>
        f.Services.GetRequiredService<WaveAnnouncer>().AnnounceDueAsync(f.Clock.GetUtcNow(), CancellationToken.None);
}
