using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Forewarn.Csaf.Signing;

/// <summary>
/// ASCII armor (RFC 4880 section 6) written the same way on every platform: no "Version" header,
/// which would change with every library upgrade, and LF line ends. Public because the server
/// writes people's OpenPGP public keys the same way (one armor, not two).
/// </summary>
public static class OpenPgpArmor
{
    /// <summary>Armors what <paramref name="writePackets"/> writes (the block's kind follows from its first packet).</summary>
    public static string Write(Action<Stream> writePackets)
    {
        using var buffer = new MemoryStream();
        using (var armor = new ArmoredOutputStream(buffer, addVersionHeader: false))
        {
            writePackets(armor);
        }
        return Encoding.ASCII.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Opens armored (or binary) OpenPGP data for reading packets.</summary>
    public static Stream Read(string armored) =>
        PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.UTF8.GetBytes(armored)));
}
