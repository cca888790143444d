namespace Forewarn.Server.Portal.Accounts.OpenPgp;

/// <summary>
/// The stable codes (RFC 9457 problem types) of a refused OpenPGP public key. Each refusal's
/// sentence says what was wrong and what to do; nothing of a refused key is stored.
/// </summary>
public static class RecipientKeyProblems
{
    /// <summary>Not one armored OpenPGP public key that can be read: not armored, damaged, too large, not version 4, no self-certified user id.</summary>
    public const string Invalid = "openpgp-key-invalid";

    /// <summary>A secret (private) key was given. It is never stored, not even refused in a log.</summary>
    public const string Secret = "openpgp-key-secret";

    /// <summary>More than one key (a keyring export): mail is encrypted to one person's one key.</summary>
    public const string Several = "openpgp-key-several";

    /// <summary>The primary key or every encryption key uses an algorithm that is not accepted (RSA under 2048 bits, DSA, ElGamal, other curves).</summary>
    public const string Algorithm = "openpgp-key-algorithm";

    /// <summary>The key cannot be encrypted to now: revoked, expired, or without an encryption (sub)key that is neither.</summary>
    public const string Unusable = "openpgp-key-unusable";

    /// <summary>The most text a key may have: the store's column holds 64 KiB.</summary>
    public const int MaxLength = 64 * 1024;
}
