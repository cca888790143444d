using System.Globalization;
using System.Net;
using Forewarn.Server.Api;
using Forewarn.Server.Publishing;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Signals;

/// <summary>Steps the source, network and signal tests share.</summary>
internal static class Sources
{
    /// <summary>Fetches an artifact's content; returns the index of its log entry.</summary>
    public static async Task<long> FetchAsync(HttpClient partner, string artifact)
    {
        using var response = await partner.GetAsync($"/api/v1/me/artifacts/{artifact}/content");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return long.Parse(response.Headers.GetValues(MeEndpoints.LogIndexHeader).Single(), CultureInfo.InvariantCulture);
    }

    public static Task<int> AnnounceAsync(ForewarnFactory f) =>
        f.Services.GetRequiredService<WaveAnnouncer>().AnnounceDueAsync(f.Clock.GetUtcNow(), CancellationToken.None);

    /// <summary>The id of the key a token belongs to (its prefix finds it).</summary>
    public static Task<Guid> KeyIdAsync(ForewarnFactory f, string token) =>
        f.InStoreAsync(db => db.ApiKeys.AsNoTracking().Where(k => k.Prefix == token.Substring(3, 12)).Select(k => k.Id).SingleAsync());
}
