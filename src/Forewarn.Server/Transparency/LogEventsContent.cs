using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Forewarn.Domain.Access;
using Forewarn.Domain.Common;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Entries of content requests. An access decision lives only as its log entry, so the entry holds
/// the whole decision and reading it back gives the same decision: both directions are written
/// here, side by side, so they cannot drift apart.
/// </summary>
public static partial class LogEvents
{
    extension(AccessRecord record)
    {
        /// <summary>The entry kind of a decision: served, denied, or refused (allowed, but no copy could be made).</summary>
        public string LogKind =>
            record.Allowed ? LogKinds.ContentServed : record.Verdict == AccessRecord.RefusedCopy ? LogKinds.ContentRefused : LogKinds.ContentDenied;

        /// <summary>The log entry of this decision.</summary>
        public LogEvent ToLogEvent() => LogEvent.Of(record.LogKind, record.At, record.PartnerId.Value, record.ArtifactId.Value,
            Field("partner", record.PartnerId.Value.ToString()),
            Field("key", record.KeyId.ToString()),
            Field("advisory", record.AdvisoryId?.Value.ToString()),
            Field("artifact", record.ArtifactId.Value.ToString()),
            Field("channel", record.Channel),
            Field("verdict", record.Verdict),
            Field("rules", Strings(record.Rules.Split(',', StringSplitOptions.RemoveEmptyEntries))),
            Field("explanation", record.Explanation),
            Field("copy_sha256", record.CopySha256),
            Field("marks", record.Marks is { } m ? JsonValue.Create(m) : null),
            Field("facts_version", record.FactsVersion),
            Field("source_hmac", record.SourceHmac),
            Field("user", record.User));

        /// <summary>The decision a content entry holds (its body as written by <c>ToLogEvent</c>).</summary>
        public static AccessRecord FromEntry(ReadOnlySpan<byte> body)
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var e = document.RootElement;
            string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return AccessRecord.Recorded(
                at: DateTimeOffset.Parse(Text("at")!, CultureInfo.InvariantCulture),
                partner: new PartnerId(Guid.Parse(Text("partner")!)),
                keyId: Guid.Parse(Text("key")!),
                advisory: Text("advisory") is { } a ? new AdvisoryId(Guid.Parse(a)) : null,
                artifact: new ArtifactId(Guid.Parse(Text("artifact")!)),
                channel: Text("channel") ?? "",
                allowed: Text("kind") == LogKinds.ContentServed,
                verdict: Text("verdict") ?? "",
                rules: e.TryGetProperty("rules", out var rules) ? string.Join(",", rules.EnumerateArray().Select(r => r.GetString())) : "",
                explanation: Text("explanation") ?? "",
                copySha256: Text("copy_sha256"),
                marks: e.TryGetProperty("marks", out var marks) ? marks.GetInt32() : null,
                factsVersion: Text("facts_version"),
                sourceHmac: Text("source_hmac"),
                user: Text("user"));
        }
    }

    /// <summary>
    /// What an investigation needs of a <c>content.served</c> entry — when, for whom, which
    /// artifact, over which channel, which copy — read straight from its body without building a
    /// document (exposure reads up to millions of them). An entry later than
    /// <paramref name="notAfter"/> (a time in <see cref="LogEvent.Time"/>'s form, which sorts as
    /// text) is skipped before anything else of it is read: null for those, and for an entry of another kind.
    /// </summary>
    public static ServedEntry? ReadServed(ReadOnlySpan<byte> body, ReadOnlySpan<byte> notAfter)
    {
        var reader = new Utf8JsonReader(body);
        DateTimeOffset at = default;
        Guid partner = default, artifact = default;
        string channel = "", copy = "";
        bool served = false, timed = false;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (!reader.Read()) return null;
            if (reader.TokenType != JsonTokenType.String) { reader.Skip(); continue; }
            if (name.SequenceEqual("at"u8))
            {
                // Canonical JSON escapes nothing in a timestamp, so the raw bytes are its text.
                if (reader.ValueSpan.SequenceCompareTo(notAfter) > 0) return null;
                at = DateTimeOffset.ParseExact(reader.GetString()!, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                timed = true;
            }
            else if (name.SequenceEqual("kind"u8)) served = reader.ValueTextEquals(LogKinds.ContentServed);
            else if (name.SequenceEqual("partner"u8)) partner = reader.GetGuid();
            else if (name.SequenceEqual("artifact"u8)) artifact = reader.GetGuid();
            else if (name.SequenceEqual("channel"u8)) channel = reader.GetString()!;
            else if (name.SequenceEqual("copy_sha256"u8)) copy = reader.GetString()!;
        }
        return served && timed ? new ServedEntry(at, new PartnerId(partner), new ArtifactId(artifact), channel, copy) : null;
    }

    /// <summary>
    /// A served copy did not reach the partner in full (the connection dropped, the write failed):
    /// it follows the <c>content.served</c> entry at <paramref name="servedIndex"/>.
    /// </summary>
    public static LogEvent ContentInterrupted(Guid partner, Guid artifact, long servedIndex, string reason, DateTimeOffset at) =>
        LogEvent.Of(LogKinds.ContentInterrupted, at, partner, artifact,
            Field("partner", partner.ToString()),
            Field("artifact", artifact.ToString()),
            Field("served_index", JsonValue.Create(servedIndex)),
            Field("reason", reason));
}

/// <summary>A copy the log says was served: when, to whom, of which artifact, over which channel, its SHA-256.</summary>
public readonly record struct ServedEntry(DateTimeOffset At, PartnerId Partner, ArtifactId Artifact, string Channel, string CopySha256);
