using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;

namespace Forewarn.Domain.Mail;

/// <summary>What a message is for; it decides how the sender composes it.</summary>
public enum MailPurpose
{
    /// <summary>An invitation's one-time link, to the invited address.</summary>
    Invitation,

    /// <summary>An advisory opened to the user's partner: composed when first sent, from the facts of that moment.</summary>
    AdvisoryNotice,
}

/// <summary>
/// One e-mail, as a row of the durable mail outbox, written in the transaction of the change that
/// causes it (ADR 6, as webhook deliveries are). A sender claims it with a lease, composes it once
/// (the composed bytes are kept, so every attempt sends the same message with the same
/// <see cref="MessageId"/>) and records each attempt: sent, or retried with backoff and finally dead.
/// The address stays in this table only: log entries name users by id.
/// </summary>
public sealed class MailMessage
{
    private MailMessage() { }

    public const int MaxAddress = 254;

    public string Id { get; private set; } = "";

    /// <summary>The RFC 5322 Message-ID (without angle brackets), fixed when the row is written.</summary>
    public string MessageId { get; private set; } = "";

    public MailPurpose Purpose { get; private set; }
    public string To { get; private set; } = "";

    /// <summary>The portal user it goes to (an advisory notice); null for an invitation (nobody has an account yet).</summary>
    public Guid? UserId { get; private set; }

    public PartnerId? PartnerId { get; private set; }
    public AdvisoryId? AdvisoryId { get; private set; }
    public Guid? InvitationId { get; private set; }

    /// <summary>
    /// What only the cause knew (an invitation's link, whose token is stored nowhere else). Erased once
    /// the message is sent or given up, so the outbox does not keep a working link longer than it must.
    /// </summary>
    public string? Secret { get; private set; }

    /// <summary>The composed message (RFC 5322 bytes; PGP/MIME-encrypted when it carries embargoed text). Null until first composed.</summary>
    public byte[]? Composed { get; private set; }

    /// <summary>Whether the composed message is encrypted to the recipient's OpenPGP key.</summary>
    public bool Encrypted { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DeliveryState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>An invitation's link, to the invited address.</summary>
    public static MailMessage Invitation(Guid invitationId, string to, PartnerId? partner, string link, string domain, DateTimeOffset at)
    {
        var m = New(MailPurpose.Invitation, to, domain, at);
        m.InvitationId = invitationId;
        m.PartnerId = partner;
        m.Secret = link;
        return m;
    }

    /// <summary>A notice that an advisory opened to the user's partner.</summary>
    public static MailMessage AdvisoryNotice(Guid userId, string to, PartnerId partner, AdvisoryId advisory, string domain, DateTimeOffset at)
    {
        var m = New(MailPurpose.AdvisoryNotice, to, domain, at);
        m.UserId = userId;
        m.PartnerId = partner;
        m.AdvisoryId = advisory;
        return m;
    }

    private static MailMessage New(MailPurpose purpose, string to, string domain, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        return new MailMessage
        {
            Id = "mail_" + id.ToString("N"),
            MessageId = $"{id:N}@{domain}",
            Purpose = purpose,
            To = TextRules.Required(to, "e-mail address", MaxAddress),
            CreatedAt = at,
            State = DeliveryState.Pending,
            NextAttemptAt = at,
        };
    }

    /// <summary>Keeps the composed message, so that every later attempt sends the same bytes.</summary>
    public void Compose(byte[] message, bool encrypted)
    {
        Composed = message;
        Encrypted = encrypted;
    }

    public void Sent(DateTimeOffset at)
    {
        Attempts++;
        State = DeliveryState.Delivered;
        SentAt = at;
        LastError = null;
        Release();
    }

    /// <summary>Records a failed attempt and schedules the next (the webhooks' backoff), or gives up.</summary>
    public void Failed(string error, DateTimeOffset at, RetryPolicy policy, double random)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (policy.NextAttemptAt(Attempts, at, random) is { } next) NextAttemptAt = next;
        else State = DeliveryState.Dead;
        Release();
    }

    /// <summary>Not sent, and never will be: its cause no longer holds (the user was disabled, the partner no longer receives).</summary>
    public void Drop(string reason)
    {
        State = DeliveryState.Dead;
        LastError = reason.Length > 500 ? reason[..500] : reason;
        Release();
    }

    private void Release()
    {
        ClaimedBy = null;
        ClaimedUntil = null;
        if (State == DeliveryState.Pending) return;
        // Done: what could still open an account (an invitation's link, in the text and the composed bytes) goes.
        Secret = null;
        if (Purpose == MailPurpose.Invitation) Composed = null;
    }
}
