using System.Security.Cryptography;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Sightings;

/// <summary>
/// Exploitation staff learned of elsewhere (a vendor's telemetry, a CERT, a blog post), recorded
/// against the advisory whose flaw is exploited: when it was first observed, where from, how sure,
/// what was seen, the indicators and optionally a sample (text or code found in the wild). The
/// sample's bytes live apart (<see cref="SightingSample"/>) so lists never load them; its trace
/// against the advisory's fingerprinted artifacts is kept here as evidence. A sighting is never
/// edited: what is learned later is another sighting.
/// </summary>
public sealed class StaffSighting
{
    /// <summary>The largest sample accepted: 256 KiB of UTF-8 text.</summary>
    public const int MaxSampleBytes = 256 * 1024;
    public const int MaxSource = 300;
    public const int MaxUrl = 2000;
    public const int MaxDescription = 8000;
    public const int MaxIndicators = 500;
    public const int MaxIndicator = 500;

    private StaffSighting() { }

    public Guid Id { get; private set; }
    public AdvisoryId AdvisoryId { get; private set; }
    public DateTimeOffset FirstObservedAt { get; private set; }
    /// <summary>Who or what reported the exploitation (free text, one line).</summary>
    public string Source { get; private set; } = "";
    /// <summary>Where the report can be read (http or https), if anywhere.</summary>
    public string? SourceUrl { get; private set; }
    public SightingConfidence Confidence { get; private set; }
    public string Description { get; private set; } = "";
    /// <summary>Hashes, addresses, domains… as given, each once, in the order given.</summary>
    public IReadOnlyList<string> Indicators { get; private set; } = [];
    public string? SampleFileName { get; private set; }
    public string? SampleMediaType { get; private set; }
    public long? SampleSize { get; private set; }
    /// <summary>Lower-case hex SHA-256 of the sample's bytes.</summary>
    public string? SampleSha256 { get; private set; }
    /// <summary>The sample traced against the advisory's fingerprinted artifacts when it was recorded.</summary>
    public SampleTrace? Trace { get; private set; }
    /// <summary>The staff member (name and key prefix) who recorded it.</summary>
    public string RecordedBy { get; private set; } = "";
    public Guid? RecordedByKey { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Checks and records a sighting at <paramref name="at"/>. The sample is checked here too (UTF-8
    /// text, not empty, at most <see cref="MaxSampleBytes"/>); its trace is attached afterwards.
    /// </summary>
    /// <exception cref="DomainException">A field breaks its rule; the code names which.</exception>
    public static (StaffSighting Sighting, SightingSample? Sample) Record(Advisory advisory, DateTimeOffset? firstObservedAt, string? source,
        string? url, string? confidence, string? description, IEnumerable<string>? indicators, SampleUpload? sample,
        string recordedBy, Guid? recordedByKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(advisory);
        var observed = firstObservedAt?.ToUniversalTime()
            ?? throw new InvalidFieldException("first observed time", "Give firstObservedAt: when the exploitation was first observed.", "invalid-first-observed");
        if (observed > at)
            throw new InvalidFieldException("first observed time",
                $"The first observation ({Moments.Show(observed)}) lies in the future; it cannot have been observed yet.", "first-observed-in-future");
        var sighting = new StaffSighting
        {
            Id = Guid.CreateVersion7(at),
            AdvisoryId = advisory.Id,
            FirstObservedAt = observed,
            Source = TextRules.Required(source, "source", MaxSource),
            SourceUrl = Url(url),
            Confidence = SightingConfidences.Parse(confidence),
            Description = TextRules.Required(description, "description", MaxDescription, TextShape.Prose),
            Indicators = Checked(indicators),
            RecordedBy = recordedBy,
            RecordedByKey = recordedByKey,
            RecordedAt = at,
        };
        if (sample is null) return (sighting, null);
        var bytes = SightingSample.Checked(sample.Bytes);
        sighting.SampleFileName = ContentLabels.FileName(sample.FileName);
        sighting.SampleMediaType = ContentLabels.MediaType(sample.MediaType);
        sighting.SampleSize = bytes.Length;
        sighting.SampleSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return (sighting, new SightingSample(sighting.Id, bytes));
    }

    /// <summary>Keeps the sample's trace with the sighting; once only, before it is stored.</summary>
    public void Traced(SampleTrace trace)
    {
        if (SampleSha256 is null) throw new InvalidOperationException("A sighting without a sample has nothing to trace.");
        if (Trace is not null) throw new InvalidOperationException("The sample of this sighting was traced already.");
        Trace = trace;
    }

    private static string? Url(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var u = TextRules.Required(url, "source URL", MaxUrl);
        if (!Uri.TryCreate(u, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || string.IsNullOrEmpty(parsed.Host))
            throw new InvalidFieldException("source URL", $"'{u}' is not an http or https address; give the page where the report can be read.", "invalid-url");
        return u;
    }

    private static List<string> Checked(IEnumerable<string>? indicators)
    {
        var list = new List<string>();
        foreach (var raw in indicators ?? [])
        {
            var indicator = TextRules.Required(raw, "indicator", MaxIndicator);
            if (!list.Contains(indicator, StringComparer.Ordinal)) list.Add(indicator);
            if (list.Count > MaxIndicators)
                throw new InvalidFieldException("indicators", $"A sighting holds at most {MaxIndicators} indicators.", "too-many-indicators");
        }
        return list;
    }
}

/// <summary>A sample as sent: its bytes, and the name and media type to keep with it.</summary>
public sealed record SampleUpload(byte[] Bytes, string? FileName, string? MediaType);
