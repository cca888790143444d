using Forewarn.Domain.Common;
using Forewarn.Server.Portal.Accounts.OpenPgp;
using Forewarn.Tests.Shared;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;

namespace Forewarn.Server.Tests.Portal.Account.OpenPgp;

/// <summary>
/// The OpenPGP public key a person gives for their mail, made by GnuPG as people make theirs:
/// each accepted kind is accepted (and BouncyCastle, which encrypts the mail, encrypts to it so that
/// GnuPG decrypts), each refused kind is refused with its code and a sentence.
/// </summary>
public sealed class RecipientKeyReaderTests(GnuPgKeyring keys) : IClassFixture<GnuPgKeyring>
{
    private const string Address = "analyst@corvid.example";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static TheoryData<string, string?, string, string, string> Accepted => new()
    {
        // primary, encryption subkey (null: the primary encrypts), usage of the primary, what the page says of each
        { "ed25519", "cv25519", "cert,sign", "Ed25519", "Curve25519 (ECDH)" },
        { "rsa2048", "rsa2048", "cert,sign", "RSA 2048", "RSA 2048" },
        { "rsa3072", null, "cert,sign,encr", "RSA 3072", "RSA 3072" },
        { "nistp256", "nistp256", "cert,sign", "ECDSA (NIST P-256)", "NIST P-256 (ECDH)" },
        { "nistp384", "nistp384", "cert,sign", "ECDSA (NIST P-384)", "NIST P-384 (ECDH)" },
        { "nistp521", "nistp521", "cert,sign", "ECDSA (NIST P-521)", "NIST P-521 (ECDH)" },
    };

    [GnuPgTheory]
    [MemberData(nameof(Accepted))]
    public void Each_accepted_kind_is_accepted_and_mail_encrypted_to_it_decrypts(string primary, string? encryption, string usage, string shown, string encryptsWith)
    {
        var fingerprint = keys.Key($"Accepted {primary} {usage}", Address, primary, encryption, "1y", "1y", usage);
        var key = RecipientKeyReader.Read(keys.Export(fingerprint), Address, Now);

        Assert.Equal(fingerprint, key.Fingerprint);
        Assert.Matches("^[0-9A-F]{40}$", key.Fingerprint);
        Assert.Equal(shown, key.Algorithm);
        Assert.Equal(encryptsWith, key.EncryptionAlgorithm);
        Assert.True(key.NamesAddress);
        Assert.Empty(key.Warnings);
        Assert.InRange(key.ExpiresAt!.Value, Now.AddDays(360), Now.AddDays(370));
        // What is stored reads back as the same key.
        Assert.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n", key.Armored, StringComparison.Ordinal);
        Assert.Equal(fingerprint, RecipientKeyReader.Read(key.Armored, Address, Now).Fingerprint);

        var recipients = RecipientKeyReader.EncryptionKeys(key.Armored, Now);
        Assert.NotEmpty(recipients);
        Assert.Equal("the embargoed text", keys.Decrypt(Encrypt("the embargoed text", recipients[0])));
    }

    [GnuPgTheory]
    [InlineData("rsa1024", "rsa1024", "The key's primary key is RSA 1024, which is not accepted.")]
    [InlineData("rsa2048", "rsa1024", "The key's encryption key is RSA 1024, which is not accepted.")]
    [InlineData("dsa2048", "elg2048", "The key's primary key is DSA 2048, which is not accepted.")]
    [InlineData("brainpoolP256r1", "brainpoolP256r1", "The key's primary key is ECDSA (Brainpool P-256), which is not accepted.")]
    [InlineData("secp256k1", "secp256k1", "The key's primary key is ECDSA (secp256k1), which is not accepted.")]
    public void A_weak_or_foreign_algorithm_is_refused_saying_which_are_accepted(string primary, string encryption, string sentence)
    {
        var fingerprint = keys.Key($"Refused {primary} {encryption}", Address, primary, encryption);
        var refusal = Refused(RecipientKeyProblems.Algorithm, keys.Export(fingerprint));
        Assert.StartsWith(sentence, refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith(KeyAlgorithms.Accepted, refusal.Message, StringComparison.Ordinal);
    }

    [GnuPgFact]
    public void A_key_that_can_only_sign_is_refused()
    {
        var fingerprint = keys.Key("Signs only", Address, "ed25519", null);
        Assert.Contains("no subkey for encryption", Refused(RecipientKeyProblems.Unusable, keys.Export(fingerprint)).Message, StringComparison.Ordinal);
    }

    [GnuPgFact]
    public void A_revoked_key_is_refused()
    {
        var fingerprint = keys.Key("Revoked", Address, "ed25519", "cv25519");
        keys.Revoke(fingerprint);
        Assert.Contains("This key is revoked", Refused(RecipientKeyProblems.Unusable, keys.Export(fingerprint)).Message, StringComparison.Ordinal);
    }

    [GnuPgFact]
    public void An_expired_key_or_encryption_subkey_is_refused_and_a_newer_subkey_takes_over()
    {
        var whole = keys.Key("Expires whole", Address, "ed25519", "cv25519", "1y", "never");
        Assert.Contains("This key expired on", Refused(RecipientKeyProblems.Unusable, keys.Export(whole), Now.AddYears(2)).Message, StringComparison.Ordinal);

        var subkey = keys.Key("Expires subkey", Address, "ed25519", "cv25519", "never", "2d");
        var armored = keys.Export(subkey);
        Assert.Contains("encryption subkey expired on", Refused(RecipientKeyProblems.Unusable, armored, Now.AddDays(3)).Message, StringComparison.Ordinal);
        Assert.Empty(RecipientKeyReader.EncryptionKeys(armored, Now.AddDays(3)));

        keys.AddEncryptionKey(subkey, "cv25519", "2y");
        var renewed = RecipientKeyReader.Read(keys.Export(subkey), Address, Now.AddDays(3));
        Assert.InRange(renewed.ExpiresAt!.Value, Now.AddDays(720), Now.AddDays(740));
        Assert.Single(RecipientKeyReader.EncryptionKeys(renewed.Armored, Now.AddDays(3)));
        Assert.Equal(2, RecipientKeyReader.EncryptionKeys(renewed.Armored, Now).Count);
    }

    [GnuPgFact]
    public void A_key_that_expires_within_a_month_is_accepted_with_a_warning()
    {
        var fingerprint = keys.Key("Expires soon", Address, "ed25519", "cv25519", "1y", "20d");
        var key = RecipientKeyReader.Read(keys.Export(fingerprint), Address, Now);
        Assert.Contains(key.Warnings, w => w.StartsWith("The key stops working for encryption on", StringComparison.Ordinal));
    }

    [GnuPgFact]
    public void A_secret_key_is_refused_plainly_however_it_is_labelled()
    {
        var fingerprint = keys.Key("Secret", Address, "ed25519", "cv25519");
        var secret = keys.ExportSecret(fingerprint);
        Assert.Contains("-----BEGIN PGP PRIVATE KEY BLOCK-----", secret, StringComparison.Ordinal);
        Assert.StartsWith("This is a secret (private) key. It was not stored", Refused(RecipientKeyProblems.Secret, secret).Message, StringComparison.Ordinal);
        var relabelled = secret.Replace("PRIVATE KEY BLOCK", "PUBLIC KEY BLOCK", StringComparison.Ordinal);
        Assert.StartsWith("This is a secret (private) key.", Refused(RecipientKeyProblems.Secret, relabelled).Message, StringComparison.Ordinal);
    }

    [GnuPgFact]
    public void More_than_one_key_is_refused()
    {
        var one = keys.Key("One of two", Address, "ed25519", "cv25519");
        var two = keys.Key("Two of two", Address, "ed25519", "cv25519");
        Assert.StartsWith("This holds 2 keys.", Refused(RecipientKeyProblems.Several, keys.Export(one, two)).Message, StringComparison.Ordinal);
        Refused(RecipientKeyProblems.Several, keys.Export(one) + "\n" + keys.Export(two));
    }

    [GnuPgFact]
    public void A_key_without_the_accounts_address_is_accepted_with_a_warning()
    {
        var fingerprint = keys.Key("Team key", "psirt@corvid.example", "ed25519", "cv25519");
        var key = RecipientKeyReader.Read(keys.Export(fingerprint), Address, Now);
        Assert.False(key.NamesAddress);
        Assert.Equal(["Team key <psirt@corvid.example>"], key.UserIds);
        Assert.Contains(key.Warnings, w => w.StartsWith($"None of the key's user ids carries your address {Address}.", StringComparison.Ordinal));
        // The address is compared without regard to case.
        Assert.True(RecipientKeyReader.Read(keys.Export(fingerprint), "PSIRT@Corvid.example", Now).NamesAddress);
    }

    [GnuPgFact]
    public void Text_around_the_block_is_left_out_and_what_is_not_an_armored_key_is_refused()
    {
        var fingerprint = keys.Key("Around", Address, "ed25519", "cv25519");
        var armored = keys.Export(fingerprint);
        Assert.Equal(fingerprint, RecipientKeyReader.Read("Here is my key:\r\n\r\n" + armored.ReplaceLineEndings("\r\n") + "\r\n-- \r\nAna", Address, Now).Fingerprint);

        Assert.StartsWith("Paste your OpenPGP public key", Refused(RecipientKeyProblems.Invalid, "  \n").Message, StringComparison.Ordinal);
        Assert.StartsWith("This is not an ASCII-armored OpenPGP public key", Refused(RecipientKeyProblems.Invalid,
            System.Text.Encoding.Latin1.GetString(keys.ExportBinary(fingerprint))).Message, StringComparison.Ordinal);
        Assert.StartsWith("This is an OpenPGP signature, not a public key.", Refused(RecipientKeyProblems.Invalid, keys.Sign(fingerprint, "hello", detached: true)).Message, StringComparison.Ordinal);
        Assert.StartsWith("This is an OpenPGP message, not a public key.", Refused(RecipientKeyProblems.Invalid, keys.Sign(fingerprint, "hello", detached: false)).Message, StringComparison.Ordinal);
        // Half a key (a line of the middle lost in copying).
        var lines = armored.Split('\n').ToList();
        lines.RemoveAt(lines.Count / 2);
        Assert.StartsWith("The key cannot be read", Refused(RecipientKeyProblems.Invalid, string.Join('\n', lines)).Message, StringComparison.Ordinal);
        Refused(RecipientKeyProblems.Invalid, new string('A', RecipientKeyProblems.MaxLength + 1));
    }

    internal static DomainException Refused(string code, string text, DateTimeOffset? at = null)
    {
        var refusal = Assert.Throws<DomainException>(() => RecipientKeyReader.Read(text, Address, at ?? Now));
        Assert.Equal(code, refusal.Code);
        return refusal;
    }

    /// <summary>Encrypts as the mail will: BouncyCastle, AES-256 with an integrity check, to the one key.</summary>
    private static byte[] Encrypt(string text, PgpPublicKey recipient)
    {
        using var output = new MemoryStream();
        var generator = new PgpEncryptedDataGenerator(SymmetricKeyAlgorithmTag.Aes256, true, new SecureRandom());
        generator.AddMethod(recipient);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        using (var encrypted = generator.Open(output, new byte[1 << 12]))
        {
            var literal = new PgpLiteralDataGenerator();
            using var body = literal.Open(encrypted, PgpLiteralData.Binary, "", bytes.Length, DateTime.UtcNow);
            body.Write(bytes);
        }
        return output.ToArray();
    }
}
