using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Webhooks;

namespace Forewarn.Server.Webhooks;

/// <summary>Why a webhook delivery was accepted or refused by <see cref="WebhookSignature.Verify"/>.</summary>
public enum WebhookVerdict
{
    Valid,
    MissingHeader,
    BadTimestamp,
    TooOld,
    TooNew,
    NoMatchingSignature,
}

/// <summary>
/// Standard Webhooks signatures (symmetric, <c>v1</c>): the base64 HMAC-SHA256 of
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> with the endpoint's secret. During a secret
/// rotation a delivery carries one signature per live secret, separated by spaces, and a
/// receiver accepts it when any one of them matches any secret it knows.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>How far a timestamp may lie from the receiver's clock: the specification's five minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>One <c>v1,&lt;base64&gt;</c> signature.</summary>
    public static string Sign(WebhookSecret secret, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "v1," + Convert.ToBase64String(Mac(secret, id, timestamp.ToUnixTimeSeconds(), body));
    }

    /// <summary>The header value for a delivery signed with every live secret (rotation).</summary>
    public static string SignAll(IEnumerable<WebhookSecret> secrets, string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var signatures = new List<string>();
        foreach (var s in secrets) signatures.Add(Sign(s, id, timestamp, body));
        return string.Join(' ', signatures);
    }

    /// <summary>Checks a delivery as a receiver written from the specification does.</summary>
    public static WebhookVerdict Verify(IEnumerable<WebhookSecret> secrets, string? id, string? timestamp, string? signatures,
        ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
            return WebhookVerdict.MissingHeader;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return WebhookVerdict.BadTimestamp;
        var sent = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (sent < now - Tolerance) return WebhookVerdict.TooOld;
        if (sent > now + Tolerance) return WebhookVerdict.TooNew;
        var offered = new List<byte[]>();
        foreach (var part in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = part.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || part[..comma] != "v1") continue;
            try
            {
                offered.Add(Convert.FromBase64String(part[(comma + 1)..]));
            }
            catch (FormatException)
            {
                // A malformed signature simply does not match.
            }
        }
        foreach (var secret in secrets)
        {
            var expected = Mac(secret, id, seconds, body);
            if (offered.Any(o => CryptographicOperations.FixedTimeEquals(o, expected))) return WebhookVerdict.Valid;
        }
        return WebhookVerdict.NoMatchingSignature;
    }

    private static byte[] Mac(WebhookSecret secret, string id, long seconds, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes($"{id}.{seconds.ToString(CultureInfo.InvariantCulture)}.");
        var message = new byte[head.Length + body.Length];
        head.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(head.Length));
        return HMACSHA256.HashData(secret.Key, message);
    }
}
