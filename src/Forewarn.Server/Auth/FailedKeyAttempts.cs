using System.Net;
using Forewarn.Domain.Keys;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Auth;

/// <summary>
/// Failed authentications against real keys, summed per key and per record window (windows are
/// aligned to the clock: with 900 s, 12:00–12:15, 12:15–12:30 …). <see cref="FailedKeyRecorder"/>
/// takes each window once it has ended and writes one log entry for it, so a thousand guesses make
/// one entry, not a thousand. Bounded: one tally per key and window, and a bounded set of sources in each.
/// </summary>
public sealed class FailedKeyAttempts(IOptions<AuthOptions> options, TimeProvider clock)
{
    /// <summary>Distinct sources counted per tally; past this the count reads "at least".</summary>
    public const int MaxSources = 4096;

    /// <summary>Networks named per entry (the sources' /24 or /48).</summary>
    public const int MaxNetworks = 16;

    private readonly TimeSpan _window = TimeSpan.FromSeconds(options.Value.RecordWindowSeconds);
    private readonly Lock _gate = new();
    private readonly Dictionary<(Guid Key, DateTimeOffset From), Tally> _tallies = [];

    public void Note(ApiKey key, string reason, IPAddress? source)
    {
        var now = clock.GetUtcNow();
        var from = WindowStart(now);
        lock (_gate)
        {
            if (!_tallies.TryGetValue((key.Id, from), out var tally))
                _tallies[(key.Id, from)] = tally = new Tally(key, from, from + _window);
            tally.Add(reason, source, now);
        }
    }

    /// <summary>The tallies of every window that has ended by <paramref name="now"/> (all of them when <paramref name="everything"/>), removed.</summary>
    public IReadOnlyList<FailedKeyWindow> TakeEnded(DateTimeOffset now, bool everything = false)
    {
        lock (_gate)
        {
            var ended = _tallies.Where(t => everything || t.Value.To <= now).ToList();
            foreach (var (key, _) in ended) _tallies.Remove(key);
            return [.. ended.Select(t => t.Value.ToWindow(everything && t.Value.To > now ? now : t.Value.To))];
        }
    }

    private DateTimeOffset WindowStart(DateTimeOffset now) =>
        DateTimeOffset.UnixEpoch + TimeSpan.FromTicks((now - DateTimeOffset.UnixEpoch).Ticks / _window.Ticks * _window.Ticks);

    private sealed class Tally(ApiKey key, DateTimeOffset from, DateTimeOffset to)
    {
        private readonly Dictionary<string, int> _reasons = [];
        private readonly HashSet<string> _sources = [];
        private readonly SortedSet<string> _networks = new(StringComparer.Ordinal);
        private int _count;
        private DateTimeOffset _first = DateTimeOffset.MaxValue, _last = DateTimeOffset.MinValue;

        public DateTimeOffset To => to;

        public void Add(string reason, IPAddress? source, DateTimeOffset at)
        {
            _count++;
            _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
            if (_sources.Count < MaxSources) _sources.Add(SourceAddress.PartitionOf(source));
            if (_networks.Count < MaxNetworks) _networks.Add(SourceAddress.NetworkOf(source));
            if (at < _first) _first = at;
            if (at > _last) _last = at;
        }

        public FailedKeyWindow ToWindow(DateTimeOffset end) => new(key.Id, key.Prefix, key.Owner, key.PartnerId, from, end, _count,
            new SortedDictionary<string, int>(_reasons, StringComparer.Ordinal), _first, _last, _sources.Count, _sources.Count >= MaxSources,
            [.. _networks], [.. _sources.Order(StringComparer.Ordinal).Take(MaxNetworks)]);
    }
}

/// <summary>
/// One window's failures against one key. <c>Networks</c> are the sources' networks (IPv4 /24,
/// IPv6 /48), at most <see cref="FailedKeyAttempts.MaxNetworks"/>: what the log names;
/// <c>SomeSources</c> a few whole source addresses, for the server's own (operational) log only.
/// </summary>
public sealed record FailedKeyWindow(
    Guid KeyId, string Prefix, KeyOwner Owner, Forewarn.Domain.Common.PartnerId? PartnerId, DateTimeOffset From, DateTimeOffset To,
    int Failures, IReadOnlyDictionary<string, int> Reasons, DateTimeOffset FirstAt, DateTimeOffset LastAt,
    int Sources, bool SourcesCapped, IReadOnlyList<string> Networks, IReadOnlyList<string> SomeSources);
