using Forewarn.Domain.Common;

namespace Forewarn.Domain.Webhooks;

/// <summary>The events a partner can subscribe to.</summary>
public static class WebhookEvents
{
    public const string WavePublished = "wave.published";
    public const string AdvisoryReleased = "advisory.released";
    public const string AdvisoryRevised = "advisory.revised";
    public const string PartnerStatusChanged = "partner.status_changed";
    /// <summary>The partner's contract (NDA) expires soon; on expiry the partner is suspended.</summary>
    public const string ContractExpiring = "partner.contract_expiring";

    /// <summary>A case decided about the partner, or about its appeal of a decision.</summary>
    public const string PartnerDecision = "partner.decision";

    /// <summary>The partner has not acknowledged an advisory within its tier's deadline (sent once per advisory).</summary>
    public const string AcknowledgementDue = "advisory.acknowledgement_due";

    public static readonly IReadOnlyList<string> All = [WavePublished, AdvisoryReleased, AdvisoryRevised, PartnerStatusChanged, ContractExpiring, PartnerDecision,
        AcknowledgementDue];
}

/// <summary>A secret and, once replaced, until when deliveries are still signed with it too.</summary>
public sealed record EndpointSecret(string Secret, DateTimeOffset CreatedAt, DateTimeOffset? RetiresAt);

/// <summary>
/// Where a partner wants its webhooks: an HTTPS URL (or a loopback URL, for a local receiver),
/// the events it wants, how many deliveries may be in flight to it at once, and its signing
/// secrets. Rotating keeps the old secret live for an overlap, so the partner can switch
/// without missing a delivery.
/// </summary>
public sealed class WebhookEndpoint
{
    private WebhookEndpoint() { }

    public Guid Id { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public string Url { get; private set; } = "";
    public IReadOnlyList<string> Events { get; private set; } = [];
    public int MaxConcurrency { get; private set; }
    public IReadOnlyList<EndpointSecret> Secrets { get; private set; } = [];
    public bool Enabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Registers an endpoint; returns it and its first secret (shown once).</summary>
    public static (WebhookEndpoint Endpoint, WebhookSecret Secret) Register(PartnerId partner, string? url, IEnumerable<string?>? events,
        int? maxConcurrency, DateTimeOffset now)
    {
        var secret = WebhookSecret.Generate();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(now),
            PartnerId = partner,
            Url = CheckedUrl(url),
            Events = CheckedEvents(events),
            MaxConcurrency = maxConcurrency is null ? 4 : maxConcurrency is >= 1 and <= 32 ? maxConcurrency.Value
                : throw new DomainException("invalid-field", "maxConcurrency must lie between 1 and 32."),
            Secrets = [new EndpointSecret(secret.ToString(), now, null)],
            Enabled = true,
            CreatedAt = now,
        };
        return (endpoint, secret);
    }

    public bool Wants(string eventType) => Enabled && Events.Contains(eventType);

    /// <summary>The secrets deliveries are signed with at <paramref name="now"/>: the newest first.</summary>
    public IReadOnlyList<WebhookSecret> LiveSecrets(DateTimeOffset now) =>
        [.. Secrets.Where(s => s.RetiresAt is null || s.RetiresAt > now).OrderByDescending(s => s.CreatedAt).Select(s => WebhookSecret.Parse(s.Secret))];

    /// <summary>A new secret; the current ones stay live for <paramref name="overlap"/> (at most 7 days).</summary>
    public WebhookSecret Rotate(DateTimeOffset now, TimeSpan overlap)
    {
        if (overlap < TimeSpan.Zero || overlap > TimeSpan.FromDays(7))
            throw new DomainException("invalid-field", "The overlap of a secret rotation lies between 0 and 7 days.");
        var secret = WebhookSecret.Generate();
        Secrets =
        [
            .. Secrets.Where(s => s.RetiresAt is null || s.RetiresAt > now)
                .Select(s => s.RetiresAt is null || s.RetiresAt > now + overlap ? s with { RetiresAt = now + overlap } : s),
            new EndpointSecret(secret.ToString(), now, null),
        ];
        return secret;
    }

    public void Disable() => Enabled = false;

    private static string CheckedUrl(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http"))
            throw new DomainException("invalid-webhook-url", $"'{url}' is not an absolute https URL.");
        if (u.Scheme == "http" && !u.IsLoopback)
            throw new DomainException("invalid-webhook-url", $"'{url}' is not HTTPS; plain http is allowed only for a loopback receiver.");
        if (!string.IsNullOrEmpty(u.UserInfo))
            throw new DomainException("invalid-webhook-url", "A webhook URL may not carry a user name or password.");
        return u.ToString();
    }

    private static IReadOnlyList<string> CheckedEvents(IEnumerable<string?>? events)
    {
        var given = (events ?? WebhookEvents.All).ToList();
        if (given.Any(e => e is null))
            throw new DomainException("invalid-field", "An event name in \"events\" is empty (null); list event names such as wave.published.");
        var list = given.Select(e => e!.Trim().ToLowerInvariant()).Distinct().ToList();
        var unknown = list.FirstOrDefault(e => !WebhookEvents.All.Contains(e));
        if (unknown is not null)
            throw new DomainException("unknown-webhook-event", $"'{unknown}' is not an event; use {string.Join(", ", WebhookEvents.All)}.");
        return list.Count == 0 ? throw new DomainException("invalid-field", "Subscribe to at least one event.") : list;
    }
}
