using System.Globalization;
using Forewarn.Domain.Webhooks;

namespace Forewarn.Server.Webhooks;

/// <summary>
/// How the sender works: configuration section <c>webhooks</c> (e.g. <c>FOREWARN_WEBHOOKS__SENDER=off</c>,
/// <c>FOREWARN_WEBHOOKS__TIMEOUTSECONDS=10</c>).
/// </summary>
public sealed record WebhookSettings(bool SenderOn, TimeSpan PollInterval, TimeSpan Lease, TimeSpan Timeout, int BatchSize, int MaxInFlight, RetryPolicy Retry)
{
    public static WebhookSettings Read(IConfiguration config)
    {
        var c = config.GetSection("webhooks");
        double Seconds(string key, double fallback) =>
            double.TryParse(c[key], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
        var timeout = TimeSpan.FromSeconds(Seconds("timeoutSeconds", 15));
        return new WebhookSettings(
            !string.Equals(c["sender"], "off", StringComparison.OrdinalIgnoreCase),
            TimeSpan.FromSeconds(Seconds("pollSeconds", 1)),
            // A claim outlives the longest send, so a slow answer is never sent twice at once.
            timeout * 4,
            timeout,
            (int)Seconds("batchSize", 500),
            // Sends at once on this server, over all endpoints (each endpoint also has its own limit).
            (int)Seconds("maxInFlight", 512),
            RetryPolicy.Default);
    }
}
