using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json;
using Forewarn.Domain.Access;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Sightings;
using Forewarn.Domain.Tiers;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Entries of the programme's other changes — reference data, advisories and their content and
/// waves, partners' webhook endpoints and acknowledgements — each with the values before and
/// after, so any fact's history can be rebuilt from the log alone.
/// </summary>
public static partial class LogEvents
{
    public static JsonObject TierState(Tier tier) => new()
    {
        ["description"] = tier.Description,
        ["lead_times_minutes"] = new JsonObject(tier.LeadTimes.OrderBy(l => l.Key)
            .Select(l => Field(l.Key.Name(), (long)l.Value.TotalMinutes))),
        ["review_every_days"] = tier.ReviewEvery.TotalDays,
        ["acknowledge_within_days"] = tier.AcknowledgeWithin.TotalDays,
    };

    public static LogEvent? TierChanged(string change, Tier tier, JsonObject? before, DateTimeOffset at, Actor actor) =>
        Differences(before, TierState(tier)) is { } changes
            ? LogEvent.Of(LogKinds.TierChanged, at, null, null,
                [Field("change", change), Field("tier", tier.Name), Field("changes", changes), .. By(actor)])
            : null;

    public static JsonObject JurisdictionState(Jurisdiction jurisdiction) => new()
    {
        ["name"] = jurisdiction.Name,
        ["facts"] = Strings(jurisdiction.Facts),
        ["notes"] = jurisdiction.Notes,
    };

    public static LogEvent? JurisdictionChanged(string change, Jurisdiction jurisdiction, JsonObject? before, DateTimeOffset at, Actor actor) =>
        Differences(before, JurisdictionState(jurisdiction)) is { } changes
            ? LogEvent.Of(LogKinds.JurisdictionChanged, at, null, null,
                [Field("change", change), Field("jurisdiction", jurisdiction.Code), Field("changes", changes), .. By(actor)])
            : null;

    /// <summary>An advisory's fields as its entries show them; the CSAF-shaped details by their SHA-256 (they can be long).</summary>
    public static JsonObject AdvisoryState(Advisory advisory) => new()
    {
        ["reference"] = advisory.Reference,
        ["title"] = advisory.Title,
        ["summary"] = advisory.Summary,
        ["cve_ids"] = Strings(advisory.CveIds),
        ["tlp"] = advisory.Tlp.Name(),
        ["cvss_vector"] = advisory.CvssVector,
        ["release_at"] = LogEvent.Time(advisory.ReleaseAt),
        ["scheduled_at"] = Time(advisory.ScheduledAt),
        ["withdrawn_at"] = Time(advisory.WithdrawnAt),
        ["withdrawn_reason"] = advisory.WithdrawnReason,
        ["details_sha256"] = Sha256Of(new { advisory.Products, advisory.Notes, advisory.References, advisory.Vulnerabilities }),
    };

    /// <summary>
    /// An advisory was created (<paramref name="before"/> null), imported, revised, described, scheduled,
    /// moved or withdrawn: each field that changed; null when nothing did.
    /// </summary>
    public static LogEvent? AdvisoryChanged(string change, Advisory advisory, JsonObject? before, DateTimeOffset at, Actor actor,
        string? reason = null) =>
        Differences(before, AdvisoryState(advisory)) is { } changes
            ? LogEvent.Of(LogKinds.AdvisoryChanged, at, null, null,
            [
                Field("change", change),
                Field("advisory", advisory.Id.Value.ToString()),
                Field("reference", advisory.Reference),
                Field("changes", changes),
                Field("reason", reason),
                .. By(actor),
            ])
            : null;

    public static LogEvent ArtifactAdded(Artifact artifact, string reference, Actor actor) =>
        LogEvent.Of(LogKinds.ArtifactAdded, artifact.CreatedAt, null, artifact.Id.Value,
        [
            Field("advisory", artifact.AdvisoryId.Value.ToString()),
            Field("reference", reference),
            Field("artifact", artifact.Id.Value.ToString()),
            Field("title", artifact.Title),
            Field("class", artifact.Class.Name()),
            Field("tlp", artifact.Tlp.Name()),
            Field("media_type", artifact.MediaType),
            Field("file_name", artifact.FileName),
            Field("size", artifact.Size),
            Field("sha256", artifact.Sha256),
            .. By(actor),
        ]);

    public static LogEvent WaveChanged(string change, Wave wave, string reference, DateTimeOffset at, Actor actor) =>
        LogEvent.Of(LogKinds.WaveChanged, at, null, null, [Field("change", change), .. WaveFields(wave, reference), Field("note", wave.Note), .. By(actor)]);

    /// <summary>A wave as its entries name it: advisory, wave, kind, time and artifacts.</summary>
    private static KeyValuePair<string, JsonNode?>[] WaveFields(Wave wave, string? reference) =>
    [
        Field("advisory", wave.AdvisoryId.Value.ToString()),
        Field("reference", reference),
        Field("wave", wave.Id.Value.ToString()),
        Field("number", wave.Number),
        Field("wave_kind", wave.Kind.ToString().ToLowerInvariant()),
        Field("wave_at", LogEvent.Time(wave.At)),
        Field("artifacts", Strings(wave.ArtifactIds.Select(a => a.Value.ToString()))),
    ];

    /// <summary>A partner's webhook endpoint was registered, its secret rotated, or it was stopped — never the secret itself.</summary>
    public static LogEvent WebhookChanged(string change, WebhookEndpoint endpoint, DateTimeOffset at, Actor actor) =>
        LogEvent.Of(LogKinds.WebhookChanged, at, endpoint.PartnerId.Value, null,
        [
            Field("change", change),
            Field("partner", endpoint.PartnerId.Value.ToString()),
            Field("endpoint", endpoint.Id.ToString()),
            Field("url", endpoint.Url),
            Field("events", Strings(endpoint.Events)),
            Field("max_concurrency", endpoint.MaxConcurrency),
            Field("enabled", endpoint.Enabled),
            Field("secret_retirements", new JsonArray([.. endpoint.Secrets.Select(s => (JsonNode?)Time(s.RetiresAt))])),
            .. By(actor),
        ]);

    public static LogEvent DeliveryRevived(WebhookDelivery delivery, DateTimeOffset at, Actor actor) =>
        LogEvent.Of(LogKinds.DeliveryRevived, at, delivery.PartnerId.Value, null,
        [
            Field("delivery", delivery.Id),
            Field("partner", delivery.PartnerId.Value.ToString()),
            Field("endpoint", delivery.EndpointId.ToString()),
            Field("event_type", delivery.EventType),
            .. By(actor),
        ]);

    public static LogEvent AdvisoryAcknowledged(Acknowledgement acknowledgement, string reference, Actor actor) =>
        LogEvent.Of(LogKinds.AdvisoryAcknowledged, acknowledgement.At, acknowledgement.PartnerId.Value, null,
        [
            Field("partner", acknowledgement.PartnerId.Value.ToString()),
            Field("advisory", acknowledgement.AdvisoryId.Value.ToString()),
            Field("reference", reference),
            Field("note", acknowledgement.Note),
            .. By(actor),
        ]);

    public static LogEvent CsafValidated(string documentSha256, bool valid, int failures, DateTimeOffset at, Actor actor) =>
        LogEvent.Of(LogKinds.CsafValidated, at, null, null,
            [Field("document_sha256", documentSha256), Field("valid", valid), Field("failures", failures), .. By(actor)]);

    /// <summary>A partner sent sightings over TAXII: the submission, and each new sighting's STIX id, advisory and what it sighted.</summary>
    public static LogEvent SightingsReceived(SightingSubmission submission, IReadOnlyList<Sighting> fresh) =>
        LogEvent.Of(LogKinds.SightingsReceived, submission.RequestedAt, submission.PartnerId.Value, null,
        [
            Field("partner", submission.PartnerId.Value.ToString()),
            Field("submission", submission.Id.ToString()),
            Field("successes", submission.Successes.Count),
            Field("failures", submission.Failures.Count),
            Field("sightings", new JsonArray([.. fresh.Select(s => (JsonNode)new JsonObject
            {
                ["stix_id"] = s.StixId,
                ["advisory"] = s.AdvisoryId.Value.ToString(),
                ["sighting_of"] = s.SightingOfRef,
                ["first_seen"] = Time(s.FirstSeen),
            })])),
            Field("actor_key", submission.KeyId.ToString()),
        ]);

    private static string Sha256Of<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value)));
}
