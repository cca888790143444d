using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Signals;
using Forewarn.Server.Api;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Signals;

/// <summary>
/// Signals worth a look for staff, computed on request from the request sources the store keeps
/// beside the log (<c>request_sources</c>: one row per keyed request with its key, partner,
/// artifact, time and network; the address's country from <see cref="SourceCountries"/>) and the PoC artifacts' waves — so they always reflect the store as
/// it is, and a changed threshold applies to the past too. Filters narrow what is shown, never
/// the history a signal is judged against (a key's earlier networks, a partner's earlier days).
/// </summary>
public sealed class SignalService(ForewarnDb db, TimeProvider clock, IOptions<SignalOptions> options, SourceCountries countries)
{
    public async Task<SignalReport> FindAsync(string? partner, string? advisory, DateTimeOffset? since, CancellationToken ct)
    {
        PartnerId? partnerId = partner is null ? null : (await db.PartnerAsync(partner, ct)).Id;
        var advisoryFilter = advisory is null ? null : await db.AdvisoryAsync(advisory, ct);
        var query = db.RequestSources.AsNoTracking();
        if (partnerId is { } only) query = query.Where(r => r.PartnerId == only.Value);
        var requests = await query.OrderBy(r => r.LogIndex)
            .Select(r => new KeyedRequest(r.LogIndex, r.Kind, r.PartnerId, r.KeyId, r.ArtifactId, r.At, r.Network, r.Address))
            .ToListAsync(ct);
        var (table, countryState) = await countries.CurrentAsync(ct);
        if (table is not null) requests = [.. requests.Select(r => r with { Country = table.CountryOf(r.Address) })];
        var pocs = await PocWavesAsync(ct);
        var artifacts = await db.Artifacts.AsNoTracking().Select(a => new { a.Id, a.AdvisoryId }).ToDictionaryAsync(a => a.Id.Value, a => a.AdvisoryId.Value, ct);
        var found = SignalRules.Find(requests, pocs, options.Value.ToSettings());

        var byIndex = requests.ToDictionary(r => r.LogIndex);
        bool Touches(Signal s) => advisoryFilter is null
            || s.Entries.Any(i => byIndex[i].Artifact is { } a && artifacts.GetValueOrDefault(a) == advisoryFilter.Id.Value);
        var shown = found.Where(s => (since is null || s.At >= since) && Touches(s)).ToList();

        var partnerIds = shown.Select(s => s.Partner).OfType<Guid>().Distinct().Select(g => new PartnerId(g)).ToList();
        var names = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id.Value, p => p.LegalName, ct);
        var keyIds = shown.Select(s => s.Key).OfType<Guid>().Distinct().ToList();
        var prefixes = await db.ApiKeys.AsNoTracking().Where(k => keyIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Prefix, ct);
        var advisoryIds = artifacts.Values.Distinct().Select(g => new AdvisoryId(g)).ToList();
        var references = await db.Advisories.AsNoTracking().Where(a => advisoryIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id.Value, a => a.Reference, ct);
        return new SignalReport(clock.GetUtcNow(), countryState, [.. shown.Select(s =>
        {
            var adv = s.Artifact is { } art && artifacts.TryGetValue(art, out var ad) ? ad : (Guid?)null;
            return new SignalView(s.Kind, s.At, s.Partner, s.Partner is { } p ? names.GetValueOrDefault(p) : null,
                s.Key, s.Key is { } k ? prefixes.GetValueOrDefault(k) : null, adv, adv is { } x ? references.GetValueOrDefault(x) : null,
                s.Artifact, s.Summary, s.Entries, s.Details);
        })]);
    }

    private async Task<List<PocWaves>> PocWavesAsync(CancellationToken ct)
    {
        var pocs = await db.Artifacts.AsNoTracking().Where(a => a.Class == ContentClass.Poc).Select(a => new { a.Id, a.AdvisoryId }).ToListAsync(ct);
        var advisories = pocs.Select(p => p.AdvisoryId).Distinct().ToList();
        var waves = await db.Waves.AsNoTracking().Where(w => advisories.Contains(w.AdvisoryId)).ToListAsync(ct);
        return [.. pocs.Select(p => new PocWaves(p.Id.Value, p.AdvisoryId.Value,
            [.. waves.Where(w => w.AdvisoryId == p.AdvisoryId && w.ArtifactIds.Contains(p.Id)).Select(w => w.At)]))];
    }
}

/// <summary>The signals found (oldest first), when they were computed, and whether country signals are on (and why not).</summary>
public sealed record SignalReport(DateTimeOffset ComputedAt, CountryLookupState Countries, IReadOnlyList<SignalView> Signals);

/// <summary>A signal with names: the partner's, the key's prefix, the advisory's reference; <c>entries</c> are log indexes.</summary>
public sealed record SignalView(string Kind, DateTimeOffset At, Guid? PartnerId, string? Partner, Guid? KeyId, string? KeyPrefix,
    Guid? AdvisoryId, string? Advisory, Guid? ArtifactId, string Summary, IReadOnlyList<long> Entries, IReadOnlyDictionary<string, object?> Details);
