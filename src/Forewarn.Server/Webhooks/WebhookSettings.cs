using Forewarn.Domain.Webhooks;

namespace Forewarn.Server.Webhooks;

/// <summary>How the sender works, from the validated <see cref="WebhookOptions"/>.</summary>
public sealed record WebhookSettings(bool SenderOn, TimeSpan PollInterval, TimeSpan Lease, TimeSpan Timeout, int BatchSize, int MaxInFlight, RetryPolicy Retry)
{
    public static WebhookSettings From(WebhookOptions o)
    {
        var timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        return new WebhookSettings(
            !string.Equals(o.Sender, "off", StringComparison.OrdinalIgnoreCase),
            TimeSpan.FromSeconds(o.PollSeconds),
            // A claim outlives the longest send, so a slow answer is never sent twice at once.
            timeout * 4,
            timeout,
            o.BatchSize,
            // Sends at once on this server, over all endpoints (each endpoint also has its own limit).
            o.MaxInFlight,
            RetryPolicy.Default);
    }
}
