using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Bcpg.Sig;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace Forewarn.Csaf.Signing;

/// <summary>
/// Makes a version 4 OpenPGP key whose only key is an Ed25519 primary key (algorithm 22,
/// "EdDSA legacy"), certified for its user id and allowed to certify and sign. That is the
/// shape GnuPG 2.2+ and gopenpgp (used by the CSAF checker of the BSI) read, it needs no
/// encryption subkey because CSAF only signs, and it is generated in milliseconds.
/// </summary>
internal static class OpenPgpKeyRingFactory
{
    private static readonly int[] PreferredHashes =
        [(int)HashAlgorithmTag.Sha512, (int)HashAlgorithmTag.Sha384, (int)HashAlgorithmTag.Sha256];

    private static readonly int[] PreferredCiphers =
        [(int)SymmetricKeyAlgorithmTag.Aes256, (int)SymmetricKeyAlgorithmTag.Aes128];

    public static PgpSecretKeyRing Generate(string userId, DateTimeOffset createdAt, string passphrase)
    {
        var random = new SecureRandom();
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(random));
        // OpenPGP keeps whole seconds; the self-signature must not predate the key.
        var created = TruncateToSeconds(createdAt);
        var keyPair = new PgpKeyPair(PublicKeyAlgorithmTag.EdDsa_Legacy, generator.GenerateKeyPair(), created);

        var hashed = new PgpSignatureSubpacketGenerator();
        hashed.SetSignatureCreationTime(false, created);
        hashed.SetIssuerFingerprint(false, keyPair.PublicKey);
        hashed.SetKeyFlags(false, PgpKeyFlags.CanCertify | PgpKeyFlags.CanSign);
        hashed.SetPreferredHashAlgorithms(false, PreferredHashes);
        hashed.SetPreferredSymmetricAlgorithms(false, PreferredCiphers);
        hashed.SetFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
        hashed.SetPrimaryUserId(false, true);

        var protection = passphrase.Length == 0 ? SymmetricKeyAlgorithmTag.Null : SymmetricKeyAlgorithmTag.Aes256;
        var ring = new PgpKeyRingGenerator(
            PgpSignature.PositiveCertification,
            keyPair,
            userId,
            protection,
            HashAlgorithmTag.Sha512,
            utf8PassPhrase: true,
            passphrase.ToCharArray(),
            useSha1: true,
            hashed.Generate(),
            unhashedPackets: null,
            random);
        return ring.GenerateSecretKeyRing();
    }

    public static DateTime TruncateToSeconds(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds()).UtcDateTime;
}
