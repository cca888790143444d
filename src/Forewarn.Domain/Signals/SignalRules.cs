namespace Forewarn.Domain.Signals;

/// <summary>
/// The four signals, computed from keyed requests in log order. Pure: the caller reads the
/// requests and the PoC waves from the store.
/// </summary>
public static class SignalRules
{
    /// <summary>All signals, oldest first (then by their first entry).</summary>
    public static IReadOnlyList<Signal> Find(IReadOnlyList<KeyedRequest> requests, IReadOnlyList<PocWaves> pocs, SignalSettings settings) =>
        [.. NewNetworks(requests).Concat(NewCountries(requests)).Concat(FreshKeyPocs(requests, pocs, settings)).Concat(Volumes(requests, settings))
            .OrderBy(s => s.At).ThenBy(s => s.Entries.Count == 0 ? long.MaxValue : s.Entries[0])];

    /// <summary>
    /// A key's first request from a network it was never used from before — its first request of
    /// all sets where it is at home and fires nothing. Requests whose address is unknown are skipped.
    /// Entries: the key's first request (where it started) and the one from the new network.
    /// </summary>
    public static IEnumerable<Signal> NewNetworks(IReadOnlyList<KeyedRequest> requests) =>
        FirstSeen(requests, r => r.Network).Select(x => new Signal(Signal.NewNetwork, x.Request.At, x.Request.Partner, x.Request.Key, x.Request.Artifact,
            $"key used from a new network {x.Request.Network} (before: {string.Join(", ", x.Before)})",
            [x.Home.LogIndex, x.Request.LogIndex],
            new Dictionary<string, object?> { ["network"] = x.Request.Network, ["address"] = x.Request.Address, ["knownNetworks"] = x.Before }));

    /// <summary>
    /// A key's first request from a country it was never used from before, by the registries'
    /// statistics (<see cref="Countries.CountryTable"/>). Only requests whose country is known
    /// count: the key's first of them sets its home and fires nothing, and a request with no
    /// address or one in no delegated range neither sets a home nor fires — so a key is only
    /// ever compared with countries it was really seen in. Entries: the key's first request with
    /// a known country and the one from the new country.
    /// </summary>
    public static IEnumerable<Signal> NewCountries(IReadOnlyList<KeyedRequest> requests) =>
        FirstSeen(requests, r => r.Country).Select(x => new Signal(Signal.NewCountry, x.Request.At, x.Request.Partner, x.Request.Key, x.Request.Artifact,
            $"key used from a new country {x.Request.Country} (before: {string.Join(", ", x.Before)})",
            [x.Home.LogIndex, x.Request.LogIndex],
            new Dictionary<string, object?> { ["country"] = x.Request.Country, ["address"] = x.Request.Address, ["network"] = x.Request.Network,
                ["knownCountries"] = x.Before }));

    /// <summary>
    /// Per key in log order, each request whose <paramref name="place"/> (a network, a country)
    /// the key was not seen at before, after its first request with a place at all; requests
    /// without one are skipped.
    /// </summary>
    private static IEnumerable<(KeyedRequest Home, KeyedRequest Request, List<string> Before)> FirstSeen(
        IReadOnlyList<KeyedRequest> requests, Func<KeyedRequest, string?> place)
    {
        foreach (var key in requests.Where(r => place(r) is not null).OrderBy(r => r.LogIndex).GroupBy(r => r.Key))
        {
            var home = key.First();
            var seen = new List<string> { place(home)! };
            foreach (var r in key.Skip(1))
            {
                var here = place(r)!;
                if (seen.Contains(here)) continue;
                yield return (home, r, seen.ToList());
                seen.Add(here);
            }
        }
    }

    /// <summary>
    /// A PoC copy served within <see cref="SignalSettings.PocMinutes"/> after one of its waves went out,
    /// to a key that had made no request before it: a key made or handed over just to grab the PoC.
    /// </summary>
    public static IEnumerable<Signal> FreshKeyPocs(IReadOnlyList<KeyedRequest> requests, IReadOnlyList<PocWaves> pocs, SignalSettings settings)
    {
        var waves = pocs.ToDictionary(p => p.Artifact);
        var window = TimeSpan.FromMinutes(settings.PocMinutes);
        var used = new HashSet<Guid>();
        foreach (var r in requests.OrderBy(r => r.LogIndex))
        {
            var fresh = used.Add(r.Key);
            if (!fresh || !r.IsServed || r.Artifact is not { } artifact || !waves.TryGetValue(artifact, out var poc)) continue;
            var wave = poc.WaveTimes.Where(w => w <= r.At).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            if (wave == DateTimeOffset.MinValue || r.At - wave > window) continue;
            var minutes = Math.Round((r.At - wave).TotalMinutes, 1);
            yield return new Signal(Signal.FreshKeyPoc, r.At, r.Partner, r.Key, artifact,
                $"PoC fetched {minutes} min after its wave by a key never used before", [r.LogIndex],
                new Dictionary<string, object?> { ["advisory"] = poc.Advisory, ["waveAt"] = wave, ["minutesAfterWave"] = minutes });
        }
    }

    /// <summary>
    /// A partner's copies served in one UTC day above max(<see cref="SignalSettings.VolumeFloor"/>,
    /// <see cref="SignalSettings.VolumeFactor"/> × the median of its daily counts over the
    /// <see cref="SignalSettings.VolumeDays"/> days before, days without downloads counting as 0).
    /// Entries: that day's served entries.
    /// </summary>
    public static IEnumerable<Signal> Volumes(IReadOnlyList<KeyedRequest> requests, SignalSettings settings)
    {
        foreach (var partner in requests.Where(r => r.IsServed && r.Partner is not null).GroupBy(r => r.Partner!.Value))
        {
            var days = partner.GroupBy(r => DayOf(r.At)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.LogIndex).ToList());
            foreach (var (day, served) in days.OrderBy(d => d.Key))
            {
                var history = Enumerable.Range(1, settings.VolumeDays).Select(back => days.TryGetValue(day.AddDays(-back), out var d) ? d.Count : 0).ToList();
                var median = Median(history);
                var threshold = Math.Max(settings.VolumeFloor, settings.VolumeFactor * median);
                if (served.Count <= threshold) continue;
                yield return new Signal(Signal.Volume, new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero), partner.Key, null, null,
                    $"{served.Count} copies served on {day:yyyy-MM-dd}, above {threshold:0.#} (median {median:0.#} a day over the {settings.VolumeDays} days before)",
                    [.. served.Select(r => r.LogIndex)],
                    new Dictionary<string, object?> { ["day"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        ["count"] = served.Count, ["median"] = median, ["threshold"] = threshold });
            }
        }
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static double Median(List<int> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
