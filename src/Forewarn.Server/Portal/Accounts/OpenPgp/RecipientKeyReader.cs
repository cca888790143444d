using System.Globalization;
using System.Text;
using Forewarn.Csaf.Signing;
using Forewarn.Domain.Common;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Forewarn.Server.Portal.Accounts.OpenPgp;

/// <summary>
/// Reads the OpenPGP public key a person gives for their mail (pure: the text, their address and
/// the time in, a key or a refusal out). One armored version 4 transferable public key is accepted
/// when its primary key is neither revoked nor expired, it has at least one encryption (sub)key
/// that is neither, and every algorithm that matters is one of <see cref="KeyAlgorithms"/>.
/// A key that names none of the account's addresses is accepted with a warning: a team may read
/// its mail with one shared key, and the mail still goes only to the account's own address.
/// </summary>
public static class RecipientKeyReader
{
    private const string PublicBlock = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private const string Begin = "-----BEGIN PGP ";
    private const string Export = "Export it with 'gpg --armor --export you@example.org' and paste what it prints.";

    /// <summary>How long before it expires a key is said to expire soon.</summary>
    public static readonly TimeSpan SoonExpiring = TimeSpan.FromDays(30);

    /// <summary>The key in <paramref name="text"/>, checked for mail to <paramref name="address"/> at <paramref name="now"/>.</summary>
    /// <exception cref="DomainException">The key is refused; its code is one of <see cref="RecipientKeyProblems"/>.</exception>
    public static RecipientKey Read(string? text, string address, DateTimeOffset now)
    {
        var block = ArmoredBlock(text);
        var ring = ReadRing(block);
        var primary = ring.GetPublicKey();
        var at = now.UtcDateTime;
        if (primary.Version != 4)
            throw Refused(RecipientKeyProblems.Invalid, $"This is a version {primary.Version} OpenPGP key; only version 4 keys are accepted (what GnuPG and most mail programs make).");
        if (!KeyAlgorithms.IsAccepted(primary))
            throw Refused(RecipientKeyProblems.Algorithm, $"The key's primary key is {KeyAlgorithms.Describe(primary)}, which is not accepted. {KeyAlgorithms.Accepted}");
        var userIds = SelfSignatures.UserIds(primary);
        var binding = SelfSignatures.PrimaryBinding(primary);
        if (userIds.Count == 0 || binding is null)
            throw Refused(RecipientKeyProblems.Invalid, "The key has no user id that it certifies itself, so it cannot be checked. " + Export);
        if (SelfSignatures.PrimaryRevoked(primary))
            throw Refused(RecipientKeyProblems.Unusable, "This key is revoked: its owner declared it must no longer be used. Give your current key.");
        var primaryExpiry = SelfSignatures.Expiry(primary, binding);
        if (primaryExpiry <= at)
            throw Refused(RecipientKeyProblems.Unusable, $"This key expired on {Day(primaryExpiry.Value)}. Extend it ('gpg --quick-set-expire FINGERPRINT 1y') and give it again, or give your current key.");

        var (encryption, encryptionExpiry) = EncryptionKey(ring, binding, at);
        var expires = Earlier(primaryExpiry, encryptionExpiry);
        var named = userIds.Any(id => Names(id, address));
        var warnings = new List<string>();
        if (!named)
            warnings.Add($"None of the key's user ids carries your address {address}. Mail to you will be encrypted to it all the same: check that it is the key you decrypt with.");
        if (expires is { } end && end - at <= SoonExpiring)
            warnings.Add($"The key stops working for encryption on {Day(end)}. Extend it and give it again before then, or your notices will come without their text.");

        var armored = OpenPgpArmor.Write(ring.Encode);
        if (armored.Length > RecipientKeyProblems.MaxLength)
            throw Refused(RecipientKeyProblems.Invalid, "The key is larger than 64 KiB, mostly other people's signatures. Export it without them: 'gpg --armor --export-options export-minimal --export you@example.org'.");
        return new RecipientKey(armored, Convert.ToHexString(primary.GetFingerprint()), KeyAlgorithms.Describe(primary), KeyAlgorithms.Describe(encryption),
            expires is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null, userIds, named, warnings);
    }

    /// <summary>
    /// The (sub)keys of <paramref name="armored"/> (a key <see cref="Read"/> accepted) that mail may be encrypted to at
    /// <paramref name="now"/>, newest first; empty when none is usable any more (revoked or expired since).
    /// </summary>
    public static IReadOnlyList<PgpPublicKey> EncryptionKeys(string armored, DateTimeOffset now)
    {
        try
        {
            var ring = ReadRing(ArmoredBlock(armored));
            var primary = ring.GetPublicKey();
            var at = now.UtcDateTime;
            var binding = SelfSignatures.PrimaryBinding(primary);
            if (binding is null || SelfSignatures.PrimaryRevoked(primary) || SelfSignatures.Expiry(primary, binding) <= at) return [];
            return [.. Candidates(ring, binding, at).Where(c => c.Usable && KeyAlgorithms.IsAccepted(c.Key)).Select(c => c.Key)];
        }
        catch (DomainException)
        {
            return [];
        }
    }

    private static (PgpPublicKey Key, DateTime? Expiry) EncryptionKey(PgpPublicKeyRing ring, PgpSignature binding, DateTime at)
    {
        var candidates = Candidates(ring, binding, at).ToList();
        if (candidates.FirstOrDefault(c => c.Usable && KeyAlgorithms.IsAccepted(c.Key)) is { Key: not null } chosen) return (chosen.Key, chosen.Expiry);
        if (candidates.FirstOrDefault(c => c.Usable) is { Key: not null } weak)
            throw Refused(RecipientKeyProblems.Algorithm, $"The key's encryption key is {KeyAlgorithms.Describe(weak.Key)}, which is not accepted. {KeyAlgorithms.Accepted}");
        if (candidates.FirstOrDefault(c => c.Revoked) is { Key: not null })
            throw Refused(RecipientKeyProblems.Unusable, "The key's encryption subkey is revoked, and it has no other. Add a new one ('gpg --quick-add-key FINGERPRINT cv25519 encr') and give the key again.");
        if (candidates.FirstOrDefault(c => c.Expiry <= at) is { Key: not null } expired)
            throw Refused(RecipientKeyProblems.Unusable, $"The key's encryption subkey expired on {Day(expired.Expiry!.Value)}. Extend it ('gpg --quick-set-expire FINGERPRINT 1y \"*\"') and give the key again.");
        throw Refused(RecipientKeyProblems.Unusable, "The key has no subkey for encryption (it can only sign), so mail cannot be encrypted to it. Add one ('gpg --quick-add-key FINGERPRINT cv25519 encr') and give the key again.");
    }

    /// <summary>Every (sub)key the key allows to encrypt, newest first, with whether it is usable at <paramref name="at"/>.</summary>
    private static IEnumerable<(PgpPublicKey Key, DateTime? Expiry, bool Revoked, bool Usable)> Candidates(PgpPublicKeyRing ring, PgpSignature binding, DateTime at)
    {
        var primary = ring.GetPublicKey();
        var found = new List<(PgpPublicKey, DateTime?, bool, bool)>();
        if (AllowsEncryption(primary, binding)) found.Add((primary, null, false, true));
        foreach (var subkey in ring.GetPublicKeys().Where(k => !k.IsMasterKey))
        {
            if (SelfSignatures.SubkeyBinding(primary, subkey) is not { } bound || !AllowsEncryption(subkey, bound)) continue;
            var revoked = SelfSignatures.SubkeyRevoked(primary, subkey);
            var expiry = SelfSignatures.Expiry(subkey, bound);
            found.Add((subkey, expiry, revoked, !revoked && !(expiry <= at)));
        }
        return found.OrderByDescending(c => c.Item1.CreationTime);
    }

    private static bool AllowsEncryption(PgpPublicKey key, PgpSignature binding) =>
        KeyAlgorithms.CanEncrypt(key) && (SelfSignatures.Flags(binding) is not { } flags
            || (flags & (PgpKeyFlags.CanEncryptCommunications | PgpKeyFlags.CanEncryptStorage)) != 0);

    /// <summary>The one armored block in <paramref name="text"/> (text around it, such as a mail signature, is left out).</summary>
    private static string ArmoredBlock(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw Refused(RecipientKeyProblems.Invalid, "Paste your OpenPGP public key, or choose its file. " + Export);
        if (text.Length > RecipientKeyProblems.MaxLength)
            throw Refused(RecipientKeyProblems.Invalid, "This is more than 64 KiB, larger than one public key. Export yours without other people's signatures: 'gpg --armor --export-options export-minimal --export you@example.org'.");
        if (text.Contains("-----BEGIN PGP PRIVATE KEY BLOCK-----", StringComparison.Ordinal) || text.Contains("-----BEGIN PGP SECRET KEY BLOCK-----", StringComparison.Ordinal))
            throw SecretKey();
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        if (start < 0)
            throw Refused(RecipientKeyProblems.Invalid, $"This is not an ASCII-armored OpenPGP public key: it must begin with '{PublicBlock}'. " + Export);
        if (text.IndexOf(Begin, start + Begin.Length, StringComparison.Ordinal) >= 0)
            throw Refused(RecipientKeyProblems.Several, "This holds more than one OpenPGP block. Give one key: yours. " + Export);
        if (!text.AsSpan(start).StartsWith(PublicBlock, StringComparison.Ordinal))
        {
            var kind = text[(start + Begin.Length)..].Split('-', 2)[0].Trim().ToLowerInvariant();
            throw Refused(RecipientKeyProblems.Invalid, $"This is an OpenPGP {kind}, not a public key. " + Export);
        }
        return text[start..];
    }

    /// <summary>The one transferable public key in the block; a secret key, several keys or anything else is refused.</summary>
    private static PgpPublicKeyRing ReadRing(string block)
    {
        var rings = new List<PgpPublicKeyRing>();
        try
        {
            using var packets = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.UTF8.GetBytes(block)));
            var factory = new PgpObjectFactory(packets);
            for (var next = factory.NextPgpObject(); next is not null; next = factory.NextPgpObject())
            {
                switch (next)
                {
                    case PgpPublicKeyRing ring: rings.Add(ring); break;
                    case PgpSecretKeyRing: throw SecretKey();
                    case PgpMarker: break;
                    default: throw Refused(RecipientKeyProblems.Invalid, "The armored block holds something other than a public key. " + Export);
                }
            }
        }
        catch (DomainException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Whatever the parser makes of damaged input (it throws many kinds), the answer is the same sentence, never a 500.
            throw Refused(RecipientKeyProblems.Invalid, "The key cannot be read: the text is damaged or incomplete (copy the whole block, from its BEGIN line to its END line). " + Export);
        }
        return rings.Count switch
        {
            0 => throw Refused(RecipientKeyProblems.Invalid, "The armored block holds no public key. " + Export),
            1 => rings[0],
            _ => throw Refused(RecipientKeyProblems.Several, $"This holds {rings.Count} keys. Give one key: yours. " + Export),
        };
    }

    private static DomainException SecretKey() => Refused(RecipientKeyProblems.Secret,
        "This is a secret (private) key. It was not stored: never give it to anyone. Give your public key instead. " + Export);

    private static bool Names(string userId, string address) =>
        userId.Equals(address, StringComparison.OrdinalIgnoreCase) || userId.Contains($"<{address}>", StringComparison.OrdinalIgnoreCase);

    private static DateTime? Earlier(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DomainException Refused(string code, string message) =>
        new(code, message, code == RecipientKeyProblems.Unusable ? ErrorCategory.Unprocessable : ErrorCategory.Invalid);
}
