using System.Globalization;
using System.Text.Json.Nodes;
using Forewarn.Domain.Common;

namespace Forewarn.Server.Taxii;

/// <summary>
/// One STIX object as one caller sees it now: its version (<c>modified</c>, or <c>created</c> for
/// objects that never change), and <see cref="DateAdded"/>, when it became available to this
/// caller. <see cref="Artifact"/> is the artifact it came from, null for advisory-level objects.
/// </summary>
public sealed record TaxiiObject(string Id, string Type, DateTimeOffset Version, string SpecVersion, DateTimeOffset DateAdded,
    JsonObject Body, ArtifactId? Artifact)
{
    public static TaxiiObject Of(JsonObject body, ArtifactId? artifact, DateTimeOffset availableFrom)
    {
        var version = TaxiiTime.Parse((string?)body["modified"] ?? (string)body["created"]!);
        return new TaxiiObject((string)body["id"]!, (string)body["type"]!, version, (string?)body["spec_version"] ?? "2.1",
            TaxiiTime.Microseconds(availableFrom > version ? availableFrom : version), body, artifact);
    }

    /// <summary>
    /// The object is the caller's own copy of a fingerprinted artifact (its own id,
    /// <see cref="Forewarn.Stix.StixCopies"/>): <see cref="Body"/> still points to the copy, which is
    /// made, recorded and put in only when the object is served.
    /// </summary>
    public bool OwnCopy { get; init; }

    /// <summary>The version as the object states it.</summary>
    public string VersionText => (string?)Body["modified"] ?? (string?)Body["created"] ?? TaxiiTime.Format(Version);
}

/// <summary>TAXII timestamps: RFC 3339 in UTC; date_added with microseconds, as the spec recommends.</summary>
public static class TaxiiTime
{
    public static DateTimeOffset Microseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string Format(DateTimeOffset at) =>
        Microseconds(at).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        TryParse(text, out var at) ? at : throw new FormatException($"'{text}' is not an RFC 3339 timestamp.");

    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        return text is not null && text.Contains('T', StringComparison.Ordinal)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && text[^6] is '+' or '-')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
    }
}
