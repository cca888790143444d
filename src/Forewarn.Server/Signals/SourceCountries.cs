using Forewarn.Domain.Signals.Countries;
using Microsoft.Extensions.Options;

namespace Forewarn.Server.Signals;

/// <summary>
/// The country of a request's source address, from the Regional Internet Registries' public
/// delegated-extended statistics files named by <c>signals:countryFiles</c> — no online service,
/// no proprietary database. The files are read at start and read again when one of them changes
/// (its time or size, looked at on each use). A file that cannot be read or holds no delegation
/// with a country switches country signals off with a warning in the server's log; it never
/// stops the server or fails a request. The state is shown with the signals.
/// </summary>
public sealed class SourceCountries(IOptions<SignalOptions> options, TimeProvider clock, ILogger<SourceCountries> log)
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile Loaded? current; // read without the lock: a request sees the old table or the new, never half of one

    /// <summary>The table to look addresses up in (null while country signals are off) and the state to show.</summary>
    public async Task<(CountryTable? Table, CountryLookupState State)> CurrentAsync(CancellationToken ct)
    {
        var files = options.Value.CountryFiles.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList();
        if (files.Count == 0)
            return (null, new CountryLookupState(false, "Country signals are off: no signals:countryFiles are configured (docs/signals.md).", 0, 0, 0, null));
        var stamps = Stamp(files);
        if (current is { } seen && seen.Stamps.SequenceEqual(stamps)) return (seen.Table, seen.State);
        await loading.WaitAsync(ct);
        try
        {
            if (current is { } again && again.Stamps.SequenceEqual(stamps)) return (again.Table, again.State);
            current = await LoadAsync(files, stamps, ct);
            return (current.Table, current.State);
        }
        finally
        {
            loading.Release();
        }
    }

    private async Task<Loaded> LoadAsync(List<string> files, List<string> stamps, CancellationToken ct)
    {
        var ranges = new List<CountryRange>();
        var malformed = 0;
        foreach (var file in files)
        {
            DelegatedStatistics read;
            try
            {
                read = new DelegatedStatistics();
                await foreach (var line in File.ReadLinesAsync(file, ct)) read.Read(line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return Off(stamps, $"{file} could not be read ({e.Message})");
            }
            if (read.Ranges.Count == 0)
                return Off(stamps, $"{file} holds no ipv4 or ipv6 delegation with a country — is it a registry's delegated-extended file?");
            if (read.Malformed > 0)
                log.LogWarning("signals:countryFiles: {File} has {Malformed} malformed lines, skipped (the first is line {Line}).", file, read.Malformed, read.FirstMalformedLine);
            ranges.AddRange(read.Ranges);
            malformed += read.Malformed;
        }
        var table = CountryTable.From(ranges);
        if (table.Overlapping > 0)
            log.LogWarning("signals:countryFiles: {Overlapping} ranges overlap one read before them and were left out.", table.Overlapping);
        log.LogInformation("signals:countryFiles: {Ranges} country ranges from {Files} files; country signals are on.", table.Count, files.Count);
        var skipped = malformed == 0 ? "" : $" ({malformed} malformed lines skipped)";
        return new Loaded(stamps, table,
            new CountryLookupState(true, $"Country signals are on: {table.Count} ranges from {files.Count} files{skipped}.", files.Count, table.Count, malformed, clock.GetUtcNow()));
    }

    private Loaded Off(List<string> stamps, string why)
    {
        log.LogWarning("signals:countryFiles: {Why}; country signals are off until the files are fixed.", why);
        return new Loaded(stamps, null, new CountryLookupState(false, $"Country signals are off: {why}.", stamps.Count, 0, 0, null));
    }

    // A file's path, time and size: a change to any of them (or its appearing or going) means reading the files again.
    private static List<string> Stamp(List<string> files) =>
    [
        .. files.Select(f =>
        {
            try
            {
                var info = new FileInfo(f);
                return info.Exists ? $"{f}|{info.LastWriteTimeUtc.Ticks}|{info.Length}" : $"{f}|missing";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return $"{f}|unreadable"; // reading it says why
            }
        }),
    ];

    private sealed record Loaded(List<string> Stamps, CountryTable? Table, CountryLookupState State);
}

/// <summary>
/// Whether country signals are on, with a sentence saying why not or from how much: how many
/// files were read, the ranges they gave, the malformed lines skipped, and when they were read.
/// </summary>
public sealed record CountryLookupState(bool On, string Note, int Files, int Ranges, int MalformedLines, DateTimeOffset? LoadedAt);

/// <summary>Reads the country files when the server starts, so a problem with them is in the log from the start.</summary>
public sealed class CountryFilesAtStart(SourceCountries countries) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => countries.CurrentAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
