using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Forewarn.Server.Portal.Accounts.OpenPgp;

/// <summary>
/// Which public-key algorithms a person's key may use. Accepted are those that are strong today
/// and that both GnuPG (2.2 and later) and BouncyCastle, which encrypts the programme's mail, handle:
/// RSA of 2048 bits or more, Curve25519 (Ed25519 to sign, X25519 to encrypt) and the NIST curves
/// P-256, P-384 and P-521 (ECDSA to sign, ECDH to encrypt). Refused: RSA under 2048 bits (factorable
/// with public means sooner than an embargo's secret should last), DSA and ElGamal (deprecated by
/// RFC 9580), and other curves (Brainpool, secp256k1), which many OpenPGP programs cannot use.
/// </summary>
public static class KeyAlgorithms
{
    /// <summary>The sentence that says what is accepted, used in every algorithm refusal.</summary>
    public const string Accepted =
        "Accepted are RSA of 2048 bits or more, Curve25519 (Ed25519 and X25519/cv25519) and the NIST curves P-256, P-384 and P-521.";

    private const int MinRsaBits = 2048;

    private static readonly Dictionary<string, string> Curves = new(StringComparer.Ordinal)
    {
        ["1.3.6.1.4.1.11591.15.1"] = "Ed25519",
        ["1.3.6.1.4.1.3029.1.5.1"] = "Curve25519",
        ["1.3.101.110"] = "Curve25519",
        ["1.2.840.10045.3.1.7"] = "NIST P-256",
        ["1.3.132.0.34"] = "NIST P-384",
        ["1.3.132.0.35"] = "NIST P-521",
    };

    private static readonly Dictionary<string, string> OtherCurves = new(StringComparer.Ordinal)
    {
        ["1.3.36.3.3.2.8.1.1.7"] = "Brainpool P-256",
        ["1.3.36.3.3.2.8.1.1.11"] = "Brainpool P-384",
        ["1.3.36.3.3.2.8.1.1.13"] = "Brainpool P-512",
        ["1.3.132.0.10"] = "secp256k1",
        ["1.3.101.111"] = "Curve448",
        ["1.3.101.113"] = "Ed448",
    };

    /// <summary>A person's name for the key's algorithm, e.g. <c>RSA 3072</c>, <c>Ed25519</c>, <c>Curve25519 (ECDH)</c>.</summary>
    public static string Describe(PgpPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Algorithm switch
        {
            PublicKeyAlgorithmTag.RsaGeneral or PublicKeyAlgorithmTag.RsaEncrypt or PublicKeyAlgorithmTag.RsaSign => $"RSA {key.BitStrength}",
            PublicKeyAlgorithmTag.EdDsa_Legacy => CurveOf(key) is "Ed25519" ? "Ed25519" : $"EdDSA ({CurveOf(key)})",
            PublicKeyAlgorithmTag.ECDsa => $"ECDSA ({CurveOf(key)})",
            PublicKeyAlgorithmTag.ECDH => $"{CurveOf(key)} (ECDH)",
            PublicKeyAlgorithmTag.Dsa => $"DSA {key.BitStrength}",
            PublicKeyAlgorithmTag.ElGamalEncrypt or PublicKeyAlgorithmTag.ElGamalGeneral => $"ElGamal {key.BitStrength}",
            var other => $"algorithm {(int)other}",
        };
    }

    /// <summary>Whether <paramref name="key"/>'s algorithm and size are accepted (see the class).</summary>
    public static bool IsAccepted(PgpPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Algorithm switch
        {
            PublicKeyAlgorithmTag.RsaGeneral or PublicKeyAlgorithmTag.RsaEncrypt or PublicKeyAlgorithmTag.RsaSign => key.BitStrength >= MinRsaBits,
            PublicKeyAlgorithmTag.EdDsa_Legacy => CurveOf(key) is "Ed25519",
            PublicKeyAlgorithmTag.ECDsa => CurveOf(key) is "NIST P-256" or "NIST P-384" or "NIST P-521",
            PublicKeyAlgorithmTag.ECDH => Curves.ContainsKey(OidOf(key)) && CurveOf(key) is not "Ed25519",
            _ => false,
        };
    }

    /// <summary>Whether the algorithm can encrypt at all (what a key without key flags may be used for).</summary>
    public static bool CanEncrypt(PgpPublicKey key) =>
        key.Algorithm is PublicKeyAlgorithmTag.RsaGeneral or PublicKeyAlgorithmTag.RsaEncrypt or PublicKeyAlgorithmTag.ECDH
            or PublicKeyAlgorithmTag.ElGamalEncrypt or PublicKeyAlgorithmTag.ElGamalGeneral;

    private static string CurveOf(PgpPublicKey key)
    {
        var oid = OidOf(key);
        return Curves.GetValueOrDefault(oid) ?? OtherCurves.GetValueOrDefault(oid) ?? $"curve {oid}";
    }

    private static string OidOf(PgpPublicKey key) =>
        key.PublicKeyPacket.Key is ECPublicBcpgKey ec ? ec.CurveOid.Id : "";
}
