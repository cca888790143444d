using Forewarn.Csaf.Signing;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Forewarn.Csaf.Tests.Signing;

public sealed class DetachedSignatureTests
{
    private static string Sign(byte[] data) => TestKeys.Signer.SignDetached(data, TestKeys.Signed);

    [Fact]
    public void A_signature_verifies_with_the_signers_public_key()
    {
        var signature = Sign(TestKeys.Document);

        Assert.True(DetachedSignature.Verify(TestKeys.Document, signature, TestKeys.Signer.ExportPublicKey()));
    }

    [Fact]
    public void A_signature_is_ascii_armored_without_a_version_header()
    {
        var signature = Sign(TestKeys.Document);

        Assert.StartsWith("-----BEGIN PGP SIGNATURE-----\n\n", signature, StringComparison.Ordinal);
        Assert.EndsWith("-----END PGP SIGNATURE-----\n", signature, StringComparison.Ordinal);
        Assert.DoesNotContain("Version:", signature, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", signature, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_one_byte_of_the_data_fails_verification()
    {
        var signature = Sign(TestKeys.Document);
        var tampered = (byte[])TestKeys.Document.Clone();
        tampered[10] ^= 0x20;

        Assert.False(DetachedSignature.Verify(tampered, signature, TestKeys.Signer.ExportPublicKey()));
    }

    [Fact]
    public void Another_key_does_not_verify_the_signature()
    {
        var signature = Sign(TestKeys.Document);

        Assert.False(DetachedSignature.Verify(TestKeys.Document, signature, TestKeys.Stranger.ExportPublicKey()));
    }

    [Fact]
    public void A_damaged_signature_or_key_gives_false_rather_than_an_exception()
    {
        var signature = Sign(TestKeys.Document);
        var publicKey = TestKeys.Signer.ExportPublicKey();

        Assert.False(DetachedSignature.Verify(TestKeys.Document, "not a signature", publicKey));
        Assert.False(DetachedSignature.Verify(TestKeys.Document, signature, "not a key"));
        Assert.False(DetachedSignature.Verify(TestKeys.Document, publicKey, publicKey));
    }

    [Fact]
    public void The_same_data_key_and_time_give_the_same_signature_text()
    {
        Assert.Equal(Sign(TestKeys.Document), Sign(TestKeys.Document));
    }

    [Fact]
    public void The_signature_is_a_binary_document_sha512_signature_with_issuer_fingerprint_and_the_given_time()
    {
        var signature = Parse(Sign(TestKeys.Document));

        Assert.Equal(4, signature.Version);
        Assert.Equal(PgpSignature.BinaryDocument, signature.SignatureType);
        Assert.Equal(HashAlgorithmTag.Sha512, signature.HashAlgorithm);
        Assert.Equal(PublicKeyAlgorithmTag.EdDsa_Legacy, signature.KeyAlgorithm);
        var hashed = signature.GetHashedSubPackets();
        Assert.Equal(TestKeys.Signed.UtcDateTime, hashed.GetSignatureCreationTime());
        Assert.Equal(TestKeys.Signer.Fingerprint, Convert.ToHexString(hashed.GetIssuerFingerprint().GetFingerprint()));
    }

    [Fact]
    public void Signing_before_the_key_was_created_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TestKeys.Signer.SignDetached(TestKeys.Document, TestKeys.KeyCreated.AddSeconds(-1)));
    }

    private static PgpSignature Parse(string armored)
    {
        using var input = PgpUtilities.GetDecoderStream(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(armored)));
        var list = (PgpSignatureList)new PgpObjectFactory(input).NextPgpObject();
        return list[0];
    }
}
