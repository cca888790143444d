using Forewarn.Domain.Common;

namespace Forewarn.Domain.Partners;

/// <summary>The partner's NDA and programme contract.</summary>
public sealed record Contract(string NdaVersion, DateTimeOffset? SignedAt, DateTimeOffset? ExpiresAt)
{
    /// <summary>Whether the contract binds the partner at <paramref name="at"/>.</summary>
    public bool ValidAt(DateTimeOffset at) =>
        SignedAt is { } signed && signed <= at && (ExpiresAt is not { } expires || at < expires);

    /// <summary>Why the contract does not bind at <paramref name="at"/>, or null when it does.</summary>
    public string? WhyNotValidAt(DateTimeOffset at) => SignedAt switch
    {
        null => $"NDA {NdaVersion} has not been signed",
        { } s when s > at => $"NDA {NdaVersion} is signed only from {Moments.Show(s)}",
        _ when ExpiresAt is { } e && at >= e => $"NDA {NdaVersion} expired on {Moments.Show(e)}",
        _ => null,
    };

    public static Contract Create(string? ndaVersion, DateTimeOffset? signedAt, DateTimeOffset? expiresAt)
    {
        var version = TextRules.Required(ndaVersion, "NDA version", 40);
        if (signedAt is { } s && expiresAt is { } e && e <= s)
            throw new DomainException("invalid-contract", "The contract must expire after it was signed.");
        return new Contract(version, signedAt?.ToUniversalTime(), expiresAt?.ToUniversalTime());
    }
}
