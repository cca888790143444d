using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Forewarn.Server.ProgramKeys;

/// <summary>
/// Encrypts each Data Protection key before it is written to the store's key ring: AES-256-GCM
/// under the operator's <see cref="MasterKey"/>, with the master key's id beside it so a wrong
/// key is named rather than guessed at.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKey master) : IXmlEncryptor
{
    /// <summary>The ids of the master keys the key ring's keys (their XML) were encrypted with.</summary>
    public static IReadOnlyCollection<string> MasterKeysOf(IEnumerable<string?> ringXml) =>
        [.. ringXml.OfType<string>().SelectMany(x => XElement.Parse(x).Descendants("encryptedKey"))
            .Select(e => (string?)e.Attribute("masterKey")).OfType<string>().Distinct()];

    internal static readonly byte[] Context = Encoding.ASCII.GetBytes("Forewarn key ring, master key v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(master.Bytes, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag, Context);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the Forewarn master key (keys:masterKeyFile) named by its id. "),
            new XAttribute("masterKey", master.Id),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> wrote; made by Data Protection with the application's services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var master = services.GetRequiredService<MasterKey>();
        var id = (string?)encryptedElement.Attribute("masterKey");
        if (id != master.Id)
            throw new CryptographicException($"A key of the store's key ring was encrypted with master key {id}, but this server has master key {master.Id}: give it the programme's master key.");
        var blob = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[blob.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(master.Bytes, tagSize))
            aes.Decrypt(blob.AsSpan(0, nonceSize), blob.AsSpan(nonceSize + tagSize), blob.AsSpan(nonceSize, tagSize), plain, MasterKeyXmlEncryptor.Context);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
