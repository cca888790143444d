using Forewarn.Domain.Common;

namespace Forewarn.Domain.Webhooks;

/// <summary>Where a delivery stands.</summary>
public enum DeliveryState
{
    Pending,
    Delivered,
    Dead,
}

/// <summary>
/// One event for one endpoint, as a row of the durable outbox. Its <see cref="Id"/> is the
/// <c>webhook-id</c> every attempt carries, so a receiver can drop duplicates. A sender claims it
/// for a while before sending; a claim that runs out (the sender crashed) lets another sender
/// take it: delivery is at least once, never lost.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public string Id { get; private set; } = "";
    public Guid EndpointId { get; private set; }
    public PartnerId PartnerId { get; private set; }
    public string EventType { get; private set; } = "";
    /// <summary>The JSON body, fixed when the event happened: every attempt sends the same bytes.</summary>
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public int? LastStatus { get; private set; }
    public string? LastError { get; private set; }

    public static WebhookDelivery For(Guid endpointId, PartnerId partner, string eventType, string payload, DateTimeOffset at) => new()
    {
        Id = "msg_" + Guid.CreateVersion7(at).ToString("N"),
        EndpointId = endpointId,
        PartnerId = partner,
        EventType = TextRules.Required(eventType, "event type", 60),
        Payload = payload,
        CreatedAt = at,
        State = DeliveryState.Pending,
        NextAttemptAt = at,
    };

    /// <summary>Whether a sender may claim it at <paramref name="now"/>.</summary>
    public bool IsClaimable(DateTimeOffset now) =>
        State == DeliveryState.Pending && NextAttemptAt <= now && (ClaimedUntil is null || ClaimedUntil <= now);

    public void Claim(string sender, DateTimeOffset now, TimeSpan lease)
    {
        if (!IsClaimable(now))
            throw new ConflictException("delivery-not-claimable", $"Delivery {Id} is not due or is claimed by {ClaimedBy}.");
        ClaimedBy = sender;
        ClaimedUntil = now + lease;
    }

    public void Succeeded(int status, DateTimeOffset at)
    {
        Attempts++;
        State = DeliveryState.Delivered;
        DeliveredAt = at;
        LastStatus = status;
        LastError = null;
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    /// <summary>Records a failed attempt and schedules the next, or dead-letters the delivery.</summary>
    public void Failed(int? status, string error, DateTimeOffset at, RetryPolicy policy, double random)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Attempts++;
        LastStatus = status;
        LastError = error.Length > 500 ? error[..500] : error;
        ClaimedBy = null;
        ClaimedUntil = null;
        if (policy.NextAttemptAt(Attempts, at, random) is { } next) NextAttemptAt = next;
        else State = DeliveryState.Dead;
    }

    /// <summary>Staff send a dead-lettered delivery again (same id), e.g. after the partner fixed its endpoint.</summary>
    public void Revive(DateTimeOffset now)
    {
        if (State != DeliveryState.Dead)
            throw new ConflictException("delivery-not-dead", $"Delivery {Id} is {State.ToString().ToLowerInvariant()}, not dead.");
        State = DeliveryState.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}
