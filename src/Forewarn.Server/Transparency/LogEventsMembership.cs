using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Partners;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>Entries of membership changes: API keys and partners. They name the partner, so it can read them.</summary>
public static partial class LogEvents
{
    /// <summary>A key was issued: who holds it and what it may do — never its token or secret hash.</summary>
    public static LogEvent KeyIssued(ApiKey key, Actor user) =>
        LogEvent.Of(LogKinds.KeyIssued, key.CreatedAt, key.PartnerId?.Value, null,
            [.. KeyFields(key), Field("expires_at", LogEvent.Time(key.ExpiresAt)), .. By(user)]);

    public static LogEvent KeyRevoked(ApiKey key, Actor user) =>
        LogEvent.Of(LogKinds.KeyRevoked, key.RevokedAt ?? throw new ArgumentException("The key is not revoked.", nameof(key)),
            key.PartnerId?.Value, null, [.. KeyFields(key), .. By(user)]);

    /// <summary>A key gained <paramref name="scope"/> on upgrade, and why.</summary>
    public static LogEvent KeyScopeGranted(ApiKey key, string scope, string reason, DateTimeOffset at) =>
        LogEvent.Of(LogKinds.KeyScopeGranted, at, key.PartnerId?.Value, null,
            [.. KeyFields(key), Field("granted", scope), Field("reason", reason), .. By(Actor.Scheduler)]);

    private static KeyValuePair<string, JsonNode?>[] KeyFields(ApiKey key) =>
    [
        Field("key", key.Id.ToString()),
        Field("prefix", key.Prefix),
        Field("owner", key.Owner.ToString().ToLowerInvariant()),
        Field("partner", key.PartnerId?.Value.ToString()),
        Field("member", key.MemberId?.Value.ToString()),
        Field("name", key.Name),
        Field("scopes", Strings(key.Scopes)),
    ];

    /// <summary>A partner's fields as its entries show them; compare two to see what a change changed.</summary>
    public static JsonObject PartnerState(Partner partner, DateTimeOffset at) => new()
    {
        ["legal_name"] = partner.LegalName,
        ["headquarters_country"] = partner.HeadquartersCountry,
        ["jurisdictions"] = Strings(partner.Jurisdictions),
        ["category"] = partner.Category.Name(),
        ["tier"] = partner.Tier,
        ["contract"] = new JsonObject
        {
            ["nda_version"] = partner.Contract.NdaVersion,
            ["signed_at"] = Time(partner.Contract.SignedAt),
            ["expires_at"] = Time(partner.Contract.ExpiresAt),
        },
        ["restrictions"] = Strings(partner.Restrictions.Select(c => c.Name())),
        ["status"] = partner.StatusAt(at).Name(),
    };

    /// <summary>Staff reviewed a partner: the note, and when its next review falls due.</summary>
    public static LogEvent PartnerReviewed(Partner partner, string note, DateTimeOffset nextDue, DateTimeOffset at, Actor actor) =>
        LogEvent.Of(LogKinds.PartnerReviewed, at, partner.Id.Value, null,
        [
            Field("partner", partner.Id.Value.ToString()),
            Field("legal_name", partner.LegalName),
            Field("note", note),
            Field("next_due", Time(nextDue)),
            .. By(actor),
        ]);

    /// <summary>A partner was reminded to acknowledge an advisory that was due by <paramref name="dueAt"/>.</summary>
    public static LogEvent AcknowledgementReminded(Partner partner, Domain.Common.AdvisoryId advisory, string reference, DateTimeOffset dueAt, DateTimeOffset at) =>
        LogEvent.Of(LogKinds.AcknowledgementReminded, at, partner.Id.Value, null,
        [
            Field("partner", partner.Id.Value.ToString()),
            Field("advisory", advisory.Value.ToString()),
            Field("reference", reference),
            Field("due_at", Time(dueAt)),
            .. By(Actor.Scheduler),
        ]);

    /// <summary>A partner was told its contract expires at <paramref name="expires"/> (the programme's own act).</summary>
    public static LogEvent ContractExpiring(Partner partner, DateTimeOffset expires, DateTimeOffset at) =>
        LogEvent.Of(LogKinds.ContractExpiring, at, partner.Id.Value, null,
        [
            Field("partner", partner.Id.Value.ToString()),
            Field("legal_name", partner.LegalName),
            Field("nda_version", partner.Contract.NdaVersion),
            Field("expires_at", Time(expires)),
            .. By(Actor.Scheduler),
        ]);

    /// <summary>
    /// A partner was added (<paramref name="before"/> null: every field with its value) or changed
    /// (each field that differs from <paramref name="before"/>, from and to); null when nothing changed.
    /// </summary>
    public static LogEvent? PartnerChanged(string change, Partner partner, JsonObject? before, DateTimeOffset at, Actor user,
        string? reason = null)
    {
        if (Differences(before, PartnerState(partner, at)) is not { } changes) return null;
        return LogEvent.Of(LogKinds.PartnerChanged, at, partner.Id.Value, null,
        [
            Field("change", change),
            Field("partner", partner.Id.Value.ToString()),
            Field("legal_name", partner.LegalName),
            Field("changes", changes),
            Field("reason", reason),
            .. By(user),
        ]);
    }
}
