using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;

namespace Forewarn.Server.Mail;

/// <summary>
/// PGP/MIME encryption (RFC 3156 section 4): the whole inner MIME entity is encrypted to the
/// recipient's OpenPGP key (AES-256 with an integrity-protected packet) and sent as
/// <c>multipart/encrypted; protocol="application/pgp-encrypted"</c> — a version part, then the
/// ASCII-armoured message. Any OpenPGP mail client (and GnuPG) opens it with the recipient's key.
/// </summary>
public static class OpenPgpMail
{
    /// <summary>The entity encrypted to <paramref name="key"/>, as a PGP/MIME part.</summary>
    public static Multipart Encrypt(MimeEntity inner, PgpPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(key);
        using var clear = new MemoryStream();
        // Seven-bit and short lines inside too: the decrypted part goes through any mail client as it is.
        inner.Prepare(EncodingConstraint.SevenBit);
        // What is signed or encrypted in MIME is in canonical form: CRLF line ends.
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        inner.WriteTo(format, clear);
        var armoured = EncryptBytes(clear.ToArray(), key);

        var encrypted = new Multipart("encrypted");
        encrypted.ContentType.Parameters["protocol"] = "application/pgp-encrypted";
        encrypted.Add(new ApplicationPgpEncrypted());
        encrypted.Add(new MimePart("application", "octet-stream")
        {
            Content = new MimeContent(new MemoryStream(armoured)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = "encrypted.asc" },
            ContentTransferEncoding = ContentEncoding.SevenBit,
        });
        return encrypted;
    }

    private static byte[] EncryptBytes(byte[] clear, PgpPublicKey key)
    {
        using var output = new MemoryStream();
        using (var armour = new ArmoredOutputStream(output))
        {
            var generator = new PgpEncryptedDataGenerator(SymmetricKeyAlgorithmTag.Aes256, withIntegrityPacket: true, new SecureRandom());
            generator.AddMethod(key);
            using var encrypted = generator.Open(armour, new byte[1 << 16]);
            var literal = new PgpLiteralDataGenerator();
            using var data = literal.Open(encrypted, PgpLiteralData.Binary, "", clear.Length, DateTime.UtcNow);
            data.Write(clear, 0, clear.Length);
        }
        return output.ToArray();
    }
}
