using System.Security.Cryptography;
using Forewarn.Domain.Common;

namespace Forewarn.Domain.Webhooks;

/// <summary>
/// A webhook endpoint's signing secret as the Standard Webhooks specification writes it:
/// <c>whsec_</c> followed by the base64 of 24 to 64 random bytes.
/// </summary>
public sealed record WebhookSecret
{
    public const string Prefix = "whsec_";

    private WebhookSecret(byte[] key) => Key = key;

    /// <summary>The raw key the HMAC uses.</summary>
    public byte[] Key { get; }

    /// <summary>A new secret of 32 random bytes.</summary>
    public static WebhookSecret Generate() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads a secret with or without its <c>whsec_</c> prefix.</summary>
    public static WebhookSecret Parse(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.StartsWith(Prefix, StringComparison.Ordinal)) t = t[Prefix.Length..];
        byte[] key;
        try
        {
            key = Convert.FromBase64String(t);
        }
        catch (FormatException)
        {
            throw new DomainException("invalid-webhook-secret", "A webhook secret is 'whsec_' followed by base64.");
        }
        return key.Length is >= 24 and <= 64
            ? new WebhookSecret(key)
            : throw new DomainException("invalid-webhook-secret", "A webhook secret holds 24 to 64 bytes.");
    }

    public override string ToString() => Prefix + Convert.ToBase64String(Key);

    public bool Equals(WebhookSecret? other) => other is not null && CryptographicOperations.FixedTimeEquals(Key, other.Key);

    public override int GetHashCode() => Key.Length;
}
