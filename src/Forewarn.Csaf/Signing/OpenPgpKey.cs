using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Forewarn.Csaf.Signing;

/// <summary>
/// The OpenPGP key a CSAF trusted provider signs its documents with (CSAF 2.0 requirements 19
/// and 20): an Ed25519 primary key (version 4, "EdDSA legacy") with one user id.
/// Keep the armored secret key in the store and load it with <see cref="FromArmoredSecretKey"/>;
/// publish <see cref="ExportPublicKey"/> under the provider's <c>openpgp/</c> folder.
/// </summary>
public sealed class OpenPgpKey
{
    private readonly PgpSecretKeyRing _ring;
    private readonly PgpPrivateKey _privateKey;

    private OpenPgpKey(PgpSecretKeyRing ring, PgpPrivateKey privateKey)
    {
        _ring = ring;
        _privateKey = privateKey;
        var primary = ring.GetPublicKey();
        Fingerprint = Convert.ToHexString(primary.GetFingerprint());
        UserId = primary.GetUserIds().FirstOrDefault() ?? "";
        CreatedAt = new DateTimeOffset(primary.CreationTime, TimeSpan.Zero);
    }

    /// <summary>The 40 upper-case hex digits of the version 4 fingerprint, as provider-metadata.json lists it.</summary>
    public string Fingerprint { get; }

    /// <summary>The user id, e.g. <c>Halcyon Software Early Warning Program &lt;psirt@halcyon.example&gt;</c>.</summary>
    public string UserId { get; }

    /// <summary>When the key was made, in whole seconds (UTC). Signatures must not be older.</summary>
    public DateTimeOffset CreatedAt { get; }

    internal PgpPublicKey PublicKey => _ring.GetPublicKey();

    internal PgpPrivateKey PrivateKey => _privateKey;

    /// <summary>
    /// Generates a new key for <paramref name="userId"/>, created at <paramref name="createdAt"/>
    /// (truncated to whole seconds). An empty <paramref name="passphrase"/> leaves the exported
    /// secret key unencrypted; otherwise it is protected with AES-256 and an iterated, salted S2K.
    /// </summary>
    /// <exception cref="ArgumentException">The user id is empty.</exception>
    public static OpenPgpKey Generate(string userId, DateTimeOffset createdAt, string passphrase = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(passphrase);
        var ring = OpenPgpKeyRingFactory.Generate(userId, createdAt, passphrase);
        return new OpenPgpKey(ring, Unlock(ring, passphrase));
    }

    /// <summary>Loads a key from the armored secret key that <see cref="ExportSecretKey"/> wrote.</summary>
    /// <exception cref="OpenPgpKeyException">
    /// The text is not an OpenPGP secret key, or <paramref name="passphrase"/> does not unlock it.
    /// </exception>
    public static OpenPgpKey FromArmoredSecretKey(string armoredSecretKey, string passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(armoredSecretKey);
        ArgumentNullException.ThrowIfNull(passphrase);
        PgpSecretKeyRing ring;
        try
        {
            using var packets = OpenPgpArmor.Read(armoredSecretKey);
            ring = new PgpSecretKeyRing(packets);
        }
        catch (Exception e) when (e is IOException or PgpException or InvalidCastException or ArgumentException)
        {
            throw new OpenPgpKeyException("The text is not an armored OpenPGP secret key.", e);
        }
        return new OpenPgpKey(ring, Unlock(ring, passphrase));
    }

    /// <summary>The armored public key (<c>-----BEGIN PGP PUBLIC KEY BLOCK-----</c>) to publish.</summary>
    public string ExportPublicKey() =>
        OpenPgpArmor.Write(output => _ring.GetPublicKey().Encode(output));

    /// <summary>
    /// The armored secret key (<c>-----BEGIN PGP PRIVATE KEY BLOCK-----</c>), protected by the
    /// passphrase the key was generated with. Store it as a secret; never publish it.
    /// </summary>
    public string ExportSecretKey() => OpenPgpArmor.Write(_ring.Encode);

    /// <summary>
    /// Signs <paramref name="data"/> (the exact bytes that are served) and returns the armored
    /// detached signature for the <c>.asc</c> file: a version 4 binary-document signature with
    /// SHA-512, carrying the issuer fingerprint and <paramref name="signedAt"/> as its creation time.
    /// Ed25519 signatures are deterministic, so equal inputs give equal text.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signedAt"/> is before <see cref="CreatedAt"/>.</exception>
    public string SignDetached(ReadOnlySpan<byte> data, DateTimeOffset signedAt) =>
        DetachedSignature.Create(this, data, signedAt);

    private static PgpPrivateKey Unlock(PgpSecretKeyRing ring, string passphrase)
    {
        try
        {
            return ring.GetSecretKey().ExtractPrivateKeyUtf8(passphrase.ToCharArray());
        }
        catch (PgpException e)
        {
            throw new OpenPgpKeyException("The passphrase does not unlock the OpenPGP secret key.", e);
        }
    }
}
