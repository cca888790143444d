using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Forewarn.Server.Portal.Accounts.OpenPgp;

/// <summary>
/// What a key says about itself, counting only signatures that the primary key really made:
/// a key fetched from a key server may carry user ids, subkeys or revocations that anyone
/// appended, and GnuPG ignores those. So does the programme. A signature's own time is not
/// held against it: a key made on a computer whose clock runs ahead still works.
/// </summary>
internal static class SelfSignatures
{
    /// <summary>The key's user ids that the primary key certifies and has not revoked since.</summary>
    public static IReadOnlyList<string> UserIds(PgpPublicKey primary)
    {
        var ids = new List<string>();
        foreach (var id in primary.GetUserIds())
        {
            var signatures = primary.GetSignaturesForId(id)?.ToList() ?? [];
            var certified = Latest(signatures.Where(s => IsUserIdCertification(s) && Verifies(s, sig => sig.VerifyCertification(id, primary), primary)));
            var revoked = Latest(signatures.Where(s => s.SignatureType == PgpSignature.CertificationRevocation
                && Verifies(s, sig => sig.VerifyCertification(id, primary), primary)));
            if (certified is not null && (revoked is null || revoked.CreationTime < certified.CreationTime)) ids.Add(id);
        }
        return ids;
    }

    /// <summary>The primary key's latest self-signature (a user id certification or a direct-key signature): its flags and expiry are in force.</summary>
    public static PgpSignature? PrimaryBinding(PgpPublicKey primary)
    {
        var candidates = new List<PgpSignature>();
        foreach (var id in primary.GetUserIds())
            candidates.AddRange((primary.GetSignaturesForId(id) ?? []).Where(s => IsUserIdCertification(s)
                && Verifies(s, sig => sig.VerifyCertification(id, primary), primary)));
        candidates.AddRange(primary.GetSignaturesOfType(PgpSignature.DirectKey).Where(s => Verifies(s, sig => sig.VerifyCertification(primary), primary)));
        return Latest(candidates);
    }

    /// <summary>Whether the primary key revoked itself.</summary>
    public static bool PrimaryRevoked(PgpPublicKey primary) =>
        primary.GetSignaturesOfType(PgpSignature.KeyRevocation).Any(s => Verifies(s, sig => sig.VerifyCertification(primary), primary));

    /// <summary>The primary key's latest binding of <paramref name="subkey"/>; null when the primary key never bound it (then it is not part of the key).</summary>
    public static PgpSignature? SubkeyBinding(PgpPublicKey primary, PgpPublicKey subkey) =>
        Latest(subkey.GetSignaturesOfType(PgpSignature.SubkeyBinding).Where(s => Verifies(s, sig => sig.VerifyCertification(primary, subkey), primary)));

    /// <summary>Whether the primary key revoked <paramref name="subkey"/>.</summary>
    public static bool SubkeyRevoked(PgpPublicKey primary, PgpPublicKey subkey) =>
        subkey.GetSignaturesOfType(PgpSignature.SubkeyRevocation).Any(s => Verifies(s, sig => sig.VerifyCertification(primary, subkey), primary));

    /// <summary>When a key bound by <paramref name="binding"/> expires (its creation plus the signature's key expiration time); null: never.</summary>
    public static DateTime? Expiry(PgpPublicKey key, PgpSignature binding)
    {
        var seconds = binding.GetHashedSubPackets()?.GetKeyExpirationTime() ?? 0;
        return seconds <= 0 ? null : key.CreationTime.AddSeconds(seconds);
    }

    /// <summary>The key flags <paramref name="binding"/> gives (RFC 4880 5.2.3.21), or null when it says nothing about use.</summary>
    public static int? Flags(PgpSignature binding)
    {
        var hashed = binding.GetHashedSubPackets();
        return hashed is not null && hashed.HasSubpacket(SignatureSubpacketTag.KeyFlags) ? hashed.GetKeyFlags() : null;
    }

    private static bool IsUserIdCertification(PgpSignature s) =>
        s.SignatureType is PgpSignature.DefaultCertification or PgpSignature.NoCertification or PgpSignature.CasualCertification
            or PgpSignature.PositiveCertification;

    private static PgpSignature? Latest(IEnumerable<PgpSignature> signatures) =>
        signatures.OrderByDescending(s => s.CreationTime).FirstOrDefault();

    /// <summary>Whether the primary key made <paramref name="signature"/>; a signature by anyone else, or that cannot be checked, does not count.</summary>
    private static bool Verifies(PgpSignature signature, Func<PgpSignature, bool> check, PgpPublicKey primary)
    {
        // A third party's certification names its own issuer: skip it without checking it.
        if (signature.KeyId != 0 && signature.KeyId != primary.KeyId) return false;
        try
        {
            signature.InitVerify(primary);
            return check(signature);
        }
        // BouncyCastle reports an algorithm it has no verifier for as NotImplementedException or
        // NotSupportedException: such a signature is not verified, so it does not count.
        catch (Exception e) when (e is PgpException or IOException or ArgumentException or InvalidOperationException or InvalidCastException
            or NotSupportedException or NotImplementedException or Org.BouncyCastle.Security.SecurityUtilityException
            or Org.BouncyCastle.Crypto.CryptoException)
        {
            return false;
        }
    }
}
