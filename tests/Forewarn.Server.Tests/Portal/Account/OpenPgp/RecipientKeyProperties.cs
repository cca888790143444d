using Forewarn.Csaf.Signing;
using Forewarn.Domain.Common;
using Forewarn.Server.Portal.Accounts.OpenPgp;
using Forewarn.Tests.Shared;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Forewarn.Server.Tests.Portal.Account.OpenPgp;

/// <summary>
/// Whatever a person pastes, the reader answers with a key or one of its refusals — never another
/// error (a 500 on the page) — and garbage is never a key.
/// </summary>
public sealed class RecipientKeyProperties(GnuPgKeyring keys) : IClassFixture<GnuPgKeyring>
{
    private static readonly HashSet<string> Codes =
        [RecipientKeyProblems.Invalid, RecipientKeyProblems.Secret, RecipientKeyProblems.Several, RecipientKeyProblems.Algorithm, RecipientKeyProblems.Unusable];

    private static readonly Gen<byte[]> Bytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b));

    [Property(MaxTest = 300)]
    public Property Random_text_is_never_a_key() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => RefusedWithACode(text));

    [Property(MaxTest = 300)]
    public Property Random_bytes_armored_as_a_public_key_are_never_a_key() =>
        Prop.ForAll(Bytes.ToArbitrary(), bytes => RefusedWithACode(OpenPgpArmor.Write(s => s.Write(bytes))));

    /// <summary>Random packets after a real key's own: what a parser meets when a key is damaged late.</summary>
    [Property(MaxTest = 200)]
    public Property Random_packets_in_a_valid_armor_are_never_a_key() =>
        Prop.ForAll(Gen.Choose(0, 63).ToArbitrary(), Bytes.ToArbitrary(), (tag, body) =>
        {
            // An old-format packet header with a one-byte length: the parser is made to read a packet of any tag.
            var packet = new byte[] { (byte)(0x80 | ((tag & 0x0F) << 2)), (byte)Math.Min(body.Length, 255) }.Concat(body.Take(255)).ToArray();
            return RefusedWithACode(OpenPgpArmor.Write(s => s.Write(packet)));
        });

    [GnuPgFact]
    public void A_real_key_with_any_byte_flipped_is_refused_or_is_still_the_same_key()
    {
        var fingerprint = keys.Key("Flipped", "analyst@corvid.example", "ed25519", "cv25519");
        var binary = keys.ExportBinary(fingerprint);
        var property = Prop.ForAll(Gen.Choose(0, binary.Length - 1).ToArbitrary(), Gen.Choose(1, 255).ToArbitrary(), (at, mask) =>
        {
            var changed = (byte[])binary.Clone();
            changed[at] ^= (byte)mask;
            try
            {
                // A flip in a part no self-signature covers (an unhashed subpacket) may leave the key as it was; it never makes another.
                return RecipientKeyReader.Read(OpenPgpArmor.Write(s => s.Write(changed)), "analyst@corvid.example", DateTimeOffset.UtcNow).Fingerprint == fingerprint;
            }
            catch (DomainException e)
            {
                return Codes.Contains(e.Code);
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    private static bool RefusedWithACode(string? text)
    {
        try
        {
            RecipientKeyReader.Read(text, "analyst@corvid.example", DateTimeOffset.UtcNow);
            return false;
        }
        catch (DomainException e)
        {
            return Codes.Contains(e.Code) && e.Message.Length > 0;
        }
    }
}
