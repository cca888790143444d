using Forewarn.Tests.Shared;

namespace Forewarn.Csaf.Tests.Signing;

/// <summary>
/// An independent implementation must accept what we sign: GnuPG imports the published public
/// key and verifies the <c>.asc</c> file against the exact document bytes, as a CSAF consumer would.
/// </summary>
public sealed class GnuPgVerificationTests
{
    [GnuPgFact]
    public void Gpg_verifies_a_detached_signature_with_the_published_key()
    {
        using var gpg = new GnuPg();
        var key = gpg.WriteFile("key.asc", TestKeys.Signer.ExportPublicKey());
        var document = gpg.WriteFile("fw-2026-1201.json", TestKeys.Document);
        var signature = gpg.WriteFile("fw-2026-1201.json.asc", TestKeys.Signer.SignDetached(TestKeys.Document, TestKeys.Signed));

        var imported = gpg.Run("--import", key);
        Assert.True(imported.ExitCode == 0, imported.Output);

        var verified = gpg.Run("--verify", signature, document);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("[GNUPG:] VALIDSIG " + TestKeys.Signer.Fingerprint, verified.Output, StringComparison.Ordinal);
        Assert.Contains("[GNUPG:] GOODSIG", verified.Output, StringComparison.Ordinal);
    }

    [GnuPgFact]
    public void Gpg_rejects_the_signature_when_one_byte_of_the_document_changed()
    {
        using var gpg = new GnuPg();
        var key = gpg.WriteFile("key.asc", TestKeys.Signer.ExportPublicKey());
        var tampered = (byte[])TestKeys.Document.Clone();
        tampered[^2] ^= 0x01;
        var document = gpg.WriteFile("fw-2026-1201.json", tampered);
        var signature = gpg.WriteFile("fw-2026-1201.json.asc", TestKeys.Signer.SignDetached(TestKeys.Document, TestKeys.Signed));
        Assert.Equal(0, gpg.Run("--import", key).ExitCode);

        var verified = gpg.Run("--verify", signature, document);

        Assert.NotEqual(0, verified.ExitCode);
        Assert.Contains("[GNUPG:] BADSIG", verified.Output, StringComparison.Ordinal);
    }

    [GnuPgFact]
    public void Gpg_reads_the_published_key_as_an_ed25519_signing_key_with_our_user_id()
    {
        using var gpg = new GnuPg();
        var key = gpg.WriteFile("key.asc", TestKeys.Signer.ExportPublicKey());
        Assert.Equal(0, gpg.Run("--import", key).ExitCode);

        var listed = gpg.Run("--with-colons", "--fixed-list-mode", "--list-keys", TestKeys.Signer.Fingerprint);

        Assert.True(listed.ExitCode == 0, listed.Output);
        var lines = listed.Output.Split('\n');
        var pub = lines.Single(l => l.StartsWith("pub:", StringComparison.Ordinal)).Split(':');
        Assert.Equal("22", pub[3]);      // EdDSA
        Assert.Contains("s", pub[11], StringComparison.Ordinal); // may sign
        Assert.Equal("ed25519", pub[16]);
        Assert.Contains(lines, l => l.StartsWith("fpr:", StringComparison.Ordinal) && l.Contains(TestKeys.Signer.Fingerprint, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("uid:", StringComparison.Ordinal) && l.Contains("psirt@halcyon.example", StringComparison.Ordinal));
    }
}
