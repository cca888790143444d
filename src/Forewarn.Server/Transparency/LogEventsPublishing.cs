using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>
/// Entries of what decides and times who gets what: policy versions, waves, releases. They concern
/// the whole programme, so no single partner is named on them.
/// </summary>
public static partial class LogEvents
{
    /// <summary>A new policy version: its rules in full (a handful of short rules) and the SHA-256 of their canonical JSON.</summary>
    public static LogEvent PolicyChanged(PolicyVersion version, int? previous, Actor user)
    {
        var rules = new JsonArray([.. version.Rules.Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Id,
            ["kind"] = PolicyRule.KindName(r.Kind),
            ["title"] = r.Title,
            ["fact"] = r.Fact,
            ["classes"] = Strings(r.Classes.Select(c => c.Name())),
            ["at_release_only"] = r.AtReleaseOnly,
            ["since"] = LogEvent.Time(r.Since),
        })]);
        var sha = SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson.Canonicalize(rules.ToJsonString())));
        return LogEvent.Of(LogKinds.PolicyChanged, version.CreatedAt, null, null,
        [
            Field("version", version.Number),
            Field("previous_version", previous),
            Field("effective_from", LogEvent.Time(version.EffectiveFrom)),
            Field("reason", version.Reason),
            Field("rules_sha256", Convert.ToHexStringLower(sha)),
            Field("rules", rules),
            .. By(user),
        ]);
    }

    /// <summary>
    /// A wave was announced: how many partners were told now, how many will be told when the
    /// content opens to them, or why nobody was (<c>silent</c>).
    /// </summary>
    public static LogEvent WavePublished(Wave wave, string? reference, WaveAnnouncement announcement, int openingLater) =>
        LogEvent.Of(LogKinds.WavePublished, announcement.AnnouncedAt, null, null,
        [
            .. WaveFields(wave, reference),
            Field("recipients", announcement.Recipients),
            Field("opening_later", openingLater),
            Field("silent", announcement.Silent),
            Field("actor", Scheduler),
        ]);

    /// <summary>A public CSAF document was published: version 1 at the embargo's end (released), later ones after revisions.</summary>
    public static LogEvent AdvisoryReleased(Publication publication, int partnersTold) =>
        LogEvent.Of(publication.Version == 1 ? LogKinds.AdvisoryReleased : LogKinds.AdvisoryRevised, publication.PublishedAt, null, null,
            Field("advisory", publication.AdvisoryId.Value.ToString()),
            Field("reference", publication.TrackingId),
            Field("version", publication.Version),
            Field("path", publication.Path),
            Field("document_sha256", publication.Sha256),
            Field("initial_release_date", LogEvent.Time(publication.InitialReleaseDate)),
            Field("current_release_date", LogEvent.Time(publication.CurrentReleaseDate)),
            Field("partners_told", partnersTold),
            Field("actor", Scheduler));
}
