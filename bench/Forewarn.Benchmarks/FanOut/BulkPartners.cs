using Forewarn.Benchmarks.Http;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Webhooks;

namespace Forewarn.Benchmarks.FanOut;

/// <summary>
/// Adds N active partners, each with a webhook endpoint, straight into the running server's store
/// through the same domain objects and mappings the server uses, in a few large transactions.
/// Through the API every partner costs four requests, and each write makes the server reload all
/// partners on its next request, so seeding 10,000 would take most of an hour; what the benchmark
/// measures (announce, outbox, send, record) does not depend on how the partners got there. The
/// commits change the store's facts generation, so the server reloads its facts once, before the wave.
/// </summary>
public static class BulkPartners
{
    public static async Task AddAsync(string dataDirectory, string? postgres, int n, string url, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var chunk in Enumerable.Range(1, n).Chunk(1_000))
        {
            await using var db = DriverRun.OpenStore(dataDirectory, postgres);
            foreach (var i in chunk)
            {
                var partner = Partner.Create($"Fan-out Partner {i:00000} Ltd", "DE", ["DE"], PartnerCategory.AntivirusEdr, "Trusted",
                    Contract.Create("NDA-2026", now.AddDays(-30), now.AddYears(2)), now.AddDays(-1), "fan-out benchmark");
                partner.ChangeStatus(PartnerStatus.Active, "Fan-out benchmark", now.AddDays(-1), "fan-out benchmark");
                db.Partners.Add(partner);
                var (endpoint, _) = WebhookEndpoint.Register(partner.Id, url, [WebhookEvents.WavePublished], null, now);
                db.WebhookEndpoints.Add(endpoint);
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
