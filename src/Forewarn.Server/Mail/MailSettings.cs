using Forewarn.Domain.Webhooks;
using Forewarn.Server.Publishing;

namespace Forewarn.Server.Mail;

/// <summary>How TLS protects the connection to the SMTP server.</summary>
public enum MailTls
{
    None,
    StartTls,
    Tls,
}

/// <summary>How the mail outbox and its sender work, from the validated <see cref="MailOptions"/>.</summary>
public sealed record MailSettings(bool On, bool SenderOn, string Host, int Port, MailTls Tls, string? User, string? Password, string From, string FromName,
    string PortalUrl, TimeSpan PollInterval, TimeSpan Timeout, TimeSpan Lease, int BatchSize, RetryPolicy Retry)
{
    /// <summary>The domain of Message-IDs: the From address's.</summary>
    public string Domain => From.Contains('@', StringComparison.Ordinal) ? From[(From.LastIndexOf('@') + 1)..] : "forewarn.invalid";

    public static MailSettings Of(MailOptions o, CsafOptions csaf)
    {
        var timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        var portal = string.IsNullOrWhiteSpace(o.PortalUrl) ? csaf.PublicUrl ?? "" : o.PortalUrl;
        return new MailSettings(
            !string.IsNullOrWhiteSpace(o.Host),
            // Off: this server writes mail to the outbox and leaves the sending to others (or to a test's passes).
            !string.Equals(o.Sender, "off", StringComparison.OrdinalIgnoreCase),
            o.Host.Trim(),
            o.Port,
            o.Tls.ToLowerInvariant() switch { "none" => MailTls.None, "tls" => MailTls.Tls, _ => MailTls.StartTls },
            string.IsNullOrEmpty(o.User) ? null : o.User,
            string.IsNullOrEmpty(o.Password) ? null : o.Password,
            MimeKit.MailboxAddress.TryParse(o.From, out var from) ? from.Address : o.From.Trim(),
            o.FromName,
            portal.Trim().TrimEnd('/'),
            TimeSpan.FromSeconds(o.PollSeconds),
            timeout,
            // A claim outlives a whole batch's conversation with the SMTP server, so nothing is sent twice at once.
            timeout * 4 + TimeSpan.FromSeconds(o.BatchSize),
            o.BatchSize,
            // The webhooks' backoff: 10 s doubling to 6 h, ±20 %, 12 attempts.
            RetryPolicy.Default);
    }
}
