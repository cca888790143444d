using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Forewarn.Transparency.Tree;

namespace Forewarn.Transparency.Entries;

/// <summary>
/// Something that happened and goes into the transparency log: its kind (the programme names its
/// kinds; the log only stores them), whom it concerns (a partner, an artifact — kept beside the
/// entry so a partner can find its own entries and staff can search), and the entry itself as
/// canonical JSON (RFC 8785) — the bytes whose hash is the leaf.
/// </summary>
public sealed record LogEvent(string Kind, Guid? Partner, Guid? Artifact, byte[] Body)
{
    /// <summary>
    /// Where the request this entry records came from, kept by the store beside the entry in the
    /// same transaction and never in it: the tree does not cover it and the public log never
    /// shows it (the entry may carry a salted hash of it). Only appended events carry one;
    /// entries staged with a change do not.
    /// </summary>
    public EntrySource? Source { get; init; }

    /// <summary>
    /// An event of <paramref name="kind"/> at <paramref name="at"/> with the given fields (null
    /// values are left out). The entry always holds "kind" and "at" (UTC, 100 ns precision).
    /// </summary>
    public static LogEvent Of(string kind, DateTimeOffset at, Guid? partner, Guid? artifact, params IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var body = new JsonObject { ["kind"] = kind, ["at"] = Time(at) };
        foreach (var (name, value) in fields)
        {
            if (value is null) continue;
            if (name is "kind" or "at") throw new ArgumentException($"'{name}' is set by the log itself.", nameof(fields));
            body[name] = value;
        }
        using var document = JsonDocument.Parse(body.ToJsonString());
        return new LogEvent(kind, partner, artifact, CanonicalJson.Utf8(document.RootElement));
    }

    /// <summary>An entry's timestamp: ISO 8601 UTC with seven fractional digits, so it sorts as text.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The leaf hash of this entry: SHA-256(0x00 ‖ entry).</summary>
    public byte[] LeafHash() => MerkleHash.Leaf(Body);
}

/// <summary>
/// The source of a keyed request: the key, the entry's time, the client's address and its network
/// (IPv4 /24, IPv6 /48) as text — null when the address was not known.
/// </summary>
public sealed record EntrySource(Guid Key, DateTimeOffset At, string? Address, string? Network);
