using System.Text.RegularExpressions;
using Forewarn.Csaf.Signing;

namespace Forewarn.Csaf.Tests.Signing;

public sealed partial class OpenPgpKeyTests
{
    [GeneratedRegex("^[0-9A-F]{40}$")]
    private static partial Regex UpperHexFingerprint();

    [Fact]
    public void A_generated_key_has_a_forty_digit_upper_case_fingerprint_the_user_id_and_its_creation_time()
    {
        var key = TestKeys.Signer;

        Assert.Matches(UpperHexFingerprint(), key.Fingerprint);
        Assert.Equal(TestKeys.UserId, key.UserId);
        Assert.Equal(TestKeys.KeyCreated, key.CreatedAt);
    }

    [Fact]
    public void Two_generated_keys_differ()
    {
        Assert.NotEqual(TestKeys.Signer.Fingerprint, TestKeys.Stranger.Fingerprint);
    }

    [Fact]
    public void The_public_key_export_is_armored_and_holds_no_secret()
    {
        var exported = TestKeys.Signer.ExportPublicKey();

        Assert.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n", exported, StringComparison.Ordinal);
        Assert.EndsWith("-----END PGP PUBLIC KEY BLOCK-----\n", exported, StringComparison.Ordinal);
        Assert.Throws<OpenPgpKeyException>(() => OpenPgpKey.FromArmoredSecretKey(exported));
    }

    [Fact]
    public void A_key_loaded_from_its_armored_secret_is_the_same_key_and_signs_the_same()
    {
        var exported = TestKeys.Signer.ExportSecretKey();

        var loaded = OpenPgpKey.FromArmoredSecretKey(exported);

        Assert.StartsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----\n", exported, StringComparison.Ordinal);
        Assert.Equal(TestKeys.Signer.Fingerprint, loaded.Fingerprint);
        Assert.Equal(TestKeys.Signer.UserId, loaded.UserId);
        Assert.Equal(exported, loaded.ExportSecretKey());
        Assert.Equal(
            TestKeys.Signer.SignDetached(TestKeys.Document, TestKeys.Signed),
            loaded.SignDetached(TestKeys.Document, TestKeys.Signed));
    }

    [Fact]
    public void A_passphrase_protects_the_exported_secret_key()
    {
        var key = OpenPgpKey.Generate(TestKeys.UserId, TestKeys.KeyCreated, "correct horse battery staple");
        var exported = key.ExportSecretKey();

        var loaded = OpenPgpKey.FromArmoredSecretKey(exported, "correct horse battery staple");

        Assert.Equal(key.Fingerprint, loaded.Fingerprint);
        Assert.Throws<OpenPgpKeyException>(() => OpenPgpKey.FromArmoredSecretKey(exported, "wrong"));
        Assert.Throws<OpenPgpKeyException>(() => OpenPgpKey.FromArmoredSecretKey(exported));
    }

    [Fact]
    public void Text_that_is_no_key_is_refused_with_a_key_exception()
    {
        Assert.Throws<OpenPgpKeyException>(() => OpenPgpKey.FromArmoredSecretKey("hello"));
    }

    [Fact]
    public void The_creation_time_is_kept_in_whole_seconds()
    {
        var key = OpenPgpKey.Generate(TestKeys.UserId, TestKeys.KeyCreated.AddMilliseconds(750));

        Assert.Equal(TestKeys.KeyCreated, key.CreatedAt);
    }
}
