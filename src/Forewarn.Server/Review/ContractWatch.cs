using System.Text.Json.Nodes;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Auth;
using Forewarn.Server.Hosting;
using Forewarn.Server.Transparency;
using Forewarn.Server.Webhooks;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Review;

/// <summary>Wakes <see cref="ContractWatch"/> when this server changed a contract.</summary>
public sealed class ContractSignal : Wakeup;

/// <summary>
/// Suspends each partner whose contract (NDA) expired, at that moment — or, when no server ran
/// then, as soon as one starts — and warns partners <c>review:contractWarningDays</c> before. Both
/// are durable: they are read from the store, not remembered in memory, so a restart repeats
/// nothing and misses nothing. With two servers, a partner's history and its warning mark are
/// concurrency tokens: the second server's save finds them moved and writes nothing, so each
/// suspension and each warning happens once, with one log entry and one webhook.
/// </summary>
public sealed class ContractWatch(IServiceScopeFactory scopes, ContractSignal signal, TimeProvider clock,
    IOptions<ReviewOptions> options, ILogger<ContractWatch> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? next = null;
            try
            {
                next = await RunAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Checking contracts failed; retrying");
            }
            var deadline = clock.GetUtcNow() + Poll;
            if (next is { } n && n < deadline) deadline = n;
            try
            {
                await signal.WaitUntilAsync(deadline, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Suspends and warns what is due at <paramref name="now"/>; returns when the next contract moment comes.</summary>
    public async Task<DateTimeOffset?> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var ahead = TimeSpan.FromDays(options.Value.ContractWarningDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForewarnDb>();
        var horizon = now + ahead;
        var ids = await db.Partners.AsNoTracking()
            .Where(p => p.Contract.ExpiresAt != null && p.Contract.ExpiresAt <= horizon)
            .Select(p => p.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            var partner = await db.Partners.FirstAsync(p => p.Id == id, ct);
            try
            {
                await SettleAsync(db, partner, now, ahead, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                log.LogDebug("Partner {Partner}'s contract was handled by another server", id);
            }
            db.ChangeTracker.Clear();
        }
        // Next: the earliest expiry still to come, or the earliest warning still to give.
        var upcoming = await db.Partners.AsNoTracking().Where(p => p.Contract.ExpiresAt != null && p.Contract.ExpiresAt > now)
            .Select(p => p.Contract.ExpiresAt!.Value).ToListAsync(ct);
        return upcoming.Count == 0 ? null : upcoming.Select(e => e - ahead > now ? e - ahead : e).Min();
    }

    private static async Task SettleAsync(ForewarnDb db, Partner partner, DateTimeOffset now, TimeSpan ahead, CancellationToken ct)
    {
        var from = partner.StatusAt(now);
        var before = LogEvents.PartnerState(partner, now);
        if (partner.SuspendForExpiredContract(now))
        {
            await WebhookOutboxWriter.EnqueueAsync(db, [partner.Id], WebhookEvents.PartnerStatusChanged, new JsonObject
            {
                ["partner"] = partner.Id.ToString(),
                ["from"] = from.Name(),
                ["to"] = partner.StatusAt(now).Name(),
                ["reason"] = partner.History[^1].Reason,
                ["links"] = new JsonObject { ["me"] = "/api/v1/me" },
            }, now, ct);
            db.Stage(LogEvents.PartnerChanged("status", partner, before, now, Actor.Scheduler, partner.History[^1].Reason));
            await db.SaveChangesAsync(ct);
        }
        else if (partner.WarnOfContractExpiry(now, ahead))
        {
            var expires = partner.Contract.ExpiresAt!.Value;
            await WebhookOutboxWriter.EnqueueAsync(db, [partner.Id], WebhookEvents.ContractExpiring, new JsonObject
            {
                ["partner"] = partner.Id.ToString(),
                ["nda_version"] = partner.Contract.NdaVersion,
                ["expires_at"] = expires.ToString("O"),
                ["message"] = $"Your NDA {partner.Contract.NdaVersion} expires on {Moments.Show(expires)}; sign a new one before then, or the programme suspends your organisation's access at that moment.",
                ["links"] = new JsonObject { ["me"] = "/api/v1/me" },
            }, now, ct);
            db.Stage(LogEvents.ContractExpiring(partner, expires, now));
            await db.SaveChangesAsync(ct);
        }
    }
}
