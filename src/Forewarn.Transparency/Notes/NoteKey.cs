using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Forewarn.Transparency.Notes;

/// <summary>
/// An Ed25519 key of the C2SP signed-note format: a key name, and the key id binding the name,
/// the signature type (0x01, Ed25519) and the public key — the first four bytes of
/// SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). Its verifier key is the text
/// <c>name+hex(key id)+base64(0x01 ‖ public key)</c>; a signing key also holds the private seed.
/// </summary>
public sealed class NoteKey
{
    private const byte Ed25519Type = 0x01;
    private readonly Ed25519PrivateKeyParameters? privateKey;

    private NoteKey(string name, Ed25519PublicKeyParameters publicKey, Ed25519PrivateKeyParameters? privateKey)
    {
        Name = name;
        PublicKey = publicKey.GetEncoded();
        this.privateKey = privateKey;
        var material = new byte[Encoding.UTF8.GetByteCount(name) + 2 + PublicKey.Length];
        var at = Encoding.UTF8.GetBytes(name, material);
        material[at] = 0x0A;
        material[at + 1] = Ed25519Type;
        PublicKey.CopyTo(material, at + 2);
        KeyId = SHA256.HashData(material)[..4];
    }

    public string Name { get; }
    public byte[] PublicKey { get; }
    /// <summary>The 4-byte key id, big-endian as it leads each signature.</summary>
    public byte[] KeyId { get; }
    public bool CanSign => privateKey is not null;

    /// <summary>The verifier key text: <c>name+hex(key id)+base64(0x01 ‖ public key)</c>.</summary>
    public string VerifierKey => $"{Name}+{Convert.ToHexStringLower(KeyId)}+{Convert.ToBase64String([Ed25519Type, .. PublicKey])}";

    /// <summary>The signing key text, as Go's sumdb/note writes it: <c>PRIVATE+KEY+name+hex(key id)+base64(0x01 ‖ seed)</c>.</summary>
    public string SignerKey => privateKey is null
        ? throw new InvalidOperationException("This key verifies only.")
        : $"PRIVATE+KEY+{Name}+{Convert.ToHexStringLower(KeyId)}+{Convert.ToBase64String([Ed25519Type, .. privateKey.GetEncoded()])}";

    public static NoteKey Generate(string name)
    {
        CheckName(name);
        var seed = RandomNumberGenerator.GetBytes(32);
        var key = new Ed25519PrivateKeyParameters(seed);
        return new NoteKey(name, key.GeneratePublicKey(), key);
    }

    /// <summary>Reads a signing key text (<see cref="SignerKey"/>).</summary>
    public static NoteKey FromSignerKey(string text)
    {
        const string prefix = "PRIVATE+KEY+";
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal)) throw new FormatException("A signing key starts with PRIVATE+KEY+.");
        var (name, id, material) = Split(text[prefix.Length..]);
        if (material.Length != 33) throw new FormatException("An Ed25519 signing key holds a type byte and a 32-byte seed.");
        var key = new Ed25519PrivateKeyParameters(material, 1);
        var made = new NoteKey(name, key.GeneratePublicKey(), key);
        return made.KeyId.AsSpan().SequenceEqual(id) ? made : throw new FormatException("The key id does not match the key.");
    }

    /// <summary>Reads a verifier key text (<see cref="VerifierKey"/>).</summary>
    public static NoteKey FromVerifierKey(string text)
    {
        var (name, id, material) = Split(text ?? throw new FormatException("No verifier key was given."));
        if (material.Length != 33) throw new FormatException("An Ed25519 verifier key holds a type byte and a 32-byte public key.");
        var made = new NoteKey(name, new Ed25519PublicKeyParameters(material, 1), null);
        return made.KeyId.AsSpan().SequenceEqual(id) ? made : throw new FormatException("The key id does not match the key.");
    }

    public byte[] Sign(byte[] message)
    {
        if (privateKey is null) throw new InvalidOperationException("This key verifies only.");
        var signer = new Ed25519Signer();
        signer.Init(true, privateKey);
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    public bool Verify(byte[] message, byte[] signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(PublicKey));
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }

    private static (string Name, byte[] Id, byte[] Material) Split(string text)
    {
        var parts = text.Split('+');
        // The base64 part may itself contain '+': name and id are the first two fields.
        if (parts.Length < 3) throw new FormatException("A note key reads name+keyid+key.");
        var name = parts[0];
        CheckName(name);
        if (parts[1].Length != 8) throw new FormatException("A note key id is eight hex digits.");
        byte[] id, material;
        try
        {
            id = Convert.FromHexString(parts[1]);
            material = Convert.FromBase64String(string.Join('+', parts[2..]));
        }
        catch (FormatException)
        {
            throw new FormatException("A note key's id is hex and its key base64.");
        }
        if (material.Length == 0 || material[0] != Ed25519Type) throw new FormatException("Only Ed25519 note keys (type 0x01) are supported.");
        return (name, id, material);
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('+') || name.Any(char.IsWhiteSpace))
            throw new FormatException("A note key name is not empty and holds no spaces and no '+'.");
    }
}
