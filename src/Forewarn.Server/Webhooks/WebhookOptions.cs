using System.ComponentModel.DataAnnotations;

namespace Forewarn.Server.Webhooks;

/// <summary>
/// Section <c>webhooks</c>: how this server's sender works (e.g. <c>FOREWARN_WEBHOOKS__SENDER=off</c>,
/// <c>FOREWARN_WEBHOOKS__TIMEOUTSECONDS=10</c>).
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "webhooks";

    [RegularExpression("(?i)^(on|off)$", ErrorMessage = "webhooks:sender (FOREWARN_WEBHOOKS__SENDER) is 'on' or 'off'.")]
    public string Sender { get; set; } = "on";

    [Range(0.01, 3600, ErrorMessage = "webhooks:pollSeconds (FOREWARN_WEBHOOKS__POLLSECONDS) is how often the sender looks for due deliveries: from 0.01 to 3600 seconds.")]
    public double PollSeconds { get; set; } = 1;

    [Range(0.1, 300, ErrorMessage = "webhooks:timeoutSeconds (FOREWARN_WEBHOOKS__TIMEOUTSECONDS) is how long a partner's endpoint may take to answer: from 0.1 to 300 seconds.")]
    public double TimeoutSeconds { get; set; } = 15;

    [Range(1, 100_000, ErrorMessage = "webhooks:batchSize (FOREWARN_WEBHOOKS__BATCHSIZE) is how many deliveries one pass claims: from 1 to 100000.")]
    public int BatchSize { get; set; } = 500;

    [Range(1, 100_000, ErrorMessage = "webhooks:maxInFlight (FOREWARN_WEBHOOKS__MAXINFLIGHT) is how many sends this server makes at once: from 1 to 100000.")]
    public int MaxInFlight { get; set; } = 512;
}
