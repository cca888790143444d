using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Forewarn.Csaf.Signing;

/// <summary>
/// Detached OpenPGP signatures over the exact bytes of a published file: the <c>.asc</c> file of
/// CSAF 2.0 requirement 19, which consumers check with the key from requirement 20.
/// </summary>
public static class DetachedSignature
{
    private const HashAlgorithmTag Hash = HashAlgorithmTag.Sha512;

    internal static string Create(OpenPgpKey key, ReadOnlySpan<byte> data, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        var created = OpenPgpKeyRingFactory.TruncateToSeconds(signedAt);
        if (created < key.CreatedAt.UtcDateTime)
        {
            // GnuPG and gopenpgp reject a signature that is older than its key.
            throw new ArgumentOutOfRangeException(nameof(signedAt), signedAt, "A signature cannot predate the key that makes it.");
        }

        var generator = new PgpSignatureGenerator(key.PublicKey.Algorithm, Hash);
        generator.InitSign(PgpSignature.BinaryDocument, key.PrivateKey);
        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetSignatureCreationTime(false, created);
        hashed.SetIssuerFingerprint(false, key.PublicKey);
        generator.SetHashedSubpackets(hashed.Generate());
        var unhashed = new PgpSignatureSubpacketGenerator();
        unhashed.SetIssuerKeyID(false, key.PublicKey.KeyId);
        generator.SetUnhashedSubpackets(unhashed.Generate());
        generator.Update(data);
        var signature = generator.Generate();
        return OpenPgpArmor.Write(signature.Encode);
    }

    /// <summary>
    /// Whether <paramref name="armoredSignature"/> is a valid detached signature over
    /// <paramref name="data"/> made by a key in <paramref name="armoredPublicKey"/> (primary key
    /// or subkey), not older than that key. Damaged or foreign input gives <see langword="false"/>.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> data, string armoredSignature, string armoredPublicKey)
    {
        ArgumentNullException.ThrowIfNull(armoredSignature);
        ArgumentNullException.ThrowIfNull(armoredPublicKey);
        try
        {
            var keys = ReadPublicKeys(armoredPublicKey);
            var signatures = ReadSignatures(armoredSignature);
            if (signatures.Count == 0)
            {
                return false;
            }
            foreach (var signature in signatures)
            {
                var signer = keys.FirstOrDefault(k => k.KeyId == signature.KeyId);
                if (signer is null || signature.SignatureType != PgpSignature.BinaryDocument || signature.CreationTime < signer.CreationTime)
                {
                    return false;
                }
                signature.InitVerify(signer);
                signature.Update(data);
                if (!signature.Verify())
                {
                    return false;
                }
            }
            return true;
        }
        catch (Exception e) when (e is IOException or PgpException or InvalidCastException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static List<PgpPublicKey> ReadPublicKeys(string armoredPublicKey)
    {
        using var packets = OpenPgpArmor.Read(armoredPublicKey);
        return [.. new PgpPublicKeyRingBundle(packets).GetKeyRings().SelectMany(ring => ring.GetPublicKeys())];
    }

    private static List<PgpSignature> ReadSignatures(string armoredSignature)
    {
        using var packets = OpenPgpArmor.Read(armoredSignature);
        var factory = new PgpObjectFactory(packets);
        var found = new List<PgpSignature>();
        for (var next = factory.NextPgpObject(); next is not null; next = factory.NextPgpObject())
        {
            if (next is PgpSignatureList list)
            {
                found.AddRange(Enumerable.Range(0, list.Count).Select(i => list[i]));
            }
            else
            {
                // Anything but signatures (a compressed or literal packet, a key) is not a detached signature.
                return [];
            }
        }
        return found;
    }
}
