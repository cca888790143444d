using Forewarn.Domain.Signals;

namespace Forewarn.Domain.Tests.Signals;

public sealed class SignalRulesTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Key = Guid.NewGuid();

    /// <summary><paramref name="perDay"/>[i] copies served on day i (from <see cref="Day0"/>).</summary>
    private static List<KeyedRequest> Served(params int[] perDay)
    {
        var list = new List<KeyedRequest>();
        for (var day = 0; day < perDay.Length; day++)
            for (var n = 0; n < perDay[day]; n++)
                list.Add(new KeyedRequest(list.Count, KeyedRequest.Served, Partner, Key, Guid.Empty, Day0.AddDays(day).AddMinutes(n), "192.0.2.0/24"));
        return list;
    }

    [Fact]
    public void A_day_above_five_times_the_median_of_the_thirty_before_is_a_signal_and_one_at_it_is_not()
    {
        // Thirty days of 4 a day: the habit is 4, the threshold max(10, 20) = 20.
        var habit = Enumerable.Repeat(4, 30).ToArray();
        Assert.Empty(SignalRules.Volumes(Served([.. habit, 20]), new SignalSettings()));
        var signal = Assert.Single(SignalRules.Volumes(Served([.. habit, 21]), new SignalSettings()));
        Assert.Equal(21, signal.Entries.Count);
        Assert.Equal(20.0, signal.Details["threshold"]);
        Assert.Equal(4.0, signal.Details["median"]);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero), signal.At);
    }

    [Fact]
    public void A_partner_with_little_history_is_held_to_the_floor()
    {
        Assert.Empty(SignalRules.Volumes(Served(3, 0, 10), new SignalSettings()));
        Assert.Single(SignalRules.Volumes(Served(3, 0, 11), new SignalSettings()));
        Assert.Empty(SignalRules.Volumes(Served(3, 0, 11), new SignalSettings(VolumeFloor: 11)));
    }

    [Fact]
    public void Only_the_first_request_from_each_new_network_of_a_key_is_a_signal()
    {
        KeyedRequest R(long i, string? network) => new(i, "content.denied", Partner, Key, null, Day0.AddMinutes(i), network);
        var signals = SignalRules.NewNetworks([R(0, "192.0.2.0/24"), R(1, null), R(2, "192.0.2.0/24"), R(3, "198.51.100.0/24"), R(4, "198.51.100.0/24"),
            R(5, "2001:db8::/48")]).ToList();
        Assert.Equal([[0L, 3L], [0L, 5L]], signals.Select(s => s.Entries.ToArray()));
    }

    [Fact]
    public void A_key_first_seen_in_a_new_country_is_a_signal_and_unknown_countries_neither_set_a_home_nor_fire()
    {
        KeyedRequest R(long i, string? country, Guid? key = null) =>
            new(i, KeyedRequest.Served, Partner, key ?? Key, null, Day0.AddMinutes(i), "192.0.2.0/24", "192.0.2.1", country);
        var other = Guid.NewGuid();
        var signals = SignalRules.NewCountries(
        [
            R(0, null),          // no country known: not a home
            R(1, "NO"),          // home
            R(2, null),          // in no range: skipped
            R(3, "NO"),
            R(4, "JP"),          // new: fires
            R(5, "JP"),
            R(6, "NO"),
            R(7, "JP", other),   // another key's home
            R(8, "SE"),          // new again, with both before
        ]).ToList();
        Assert.Equal([[1L, 4L], [1L, 8L]], signals.Select(s => s.Entries.ToArray()));
        Assert.All(signals, s => Assert.Equal(Signal.NewCountry, s.Kind));
        Assert.Equal("JP", signals[0].Details["country"]);
        Assert.Equal(["NO", "JP"], (List<string>)signals[1].Details["knownCountries"]!);
        Assert.Contains("new country SE (before: NO, JP)", signals[1].Summary, StringComparison.Ordinal);
        Assert.Empty(SignalRules.NewCountries([R(0, null), R(1, null)]));
        Assert.Contains(SignalRules.Find([R(0, "NO"), R(1, "JP")], [], new SignalSettings()), s => s.Kind == Signal.NewCountry);
    }

    [Fact]
    public void A_fresh_key_fetching_a_PoC_within_the_window_after_its_latest_wave_is_a_signal()
    {
        var poc = Guid.NewGuid();
        var wave = Day0;
        var waves = new[] { new PocWaves(poc, Guid.NewGuid(), [wave.AddDays(-3), wave]) };
        KeyedRequest Fetch(long i, Guid key, DateTimeOffset at) => new(i, KeyedRequest.Served, Partner, key, poc, at, "192.0.2.0/24");
        Guid fresh = Guid.NewGuid(), late = Guid.NewGuid(), early = Guid.NewGuid();
        var signals = SignalRules.FreshKeyPocs(
        [
            Fetch(0, Key, wave.AddMinutes(-5)),          // before the latest wave: measured from the one before, days ago
            Fetch(1, Key, wave.AddMinutes(1)),           // used before
            Fetch(2, fresh, wave.AddMinutes(30)),        // at the edge of the window: a signal
            Fetch(3, late, wave.AddMinutes(31)),
            Fetch(4, early, wave.AddDays(-3).AddMinutes(2)),
        ], waves, new SignalSettings()).ToList();
        Assert.Equal([2L, 4L], signals.Select(s => s.Entries.Single()));
    }
}
