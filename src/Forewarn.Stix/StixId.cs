using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Forewarn.Stix;

/// <summary>
/// Deterministic STIX identifiers: <c>type--UUIDv5</c> in Forewarn's own namespace, so the same
/// advisory, artifact or pattern always gets the same id and TAXII can tell versions apart by
/// <c>modified</c> alone.
/// </summary>
public static partial class StixId
{
    /// <summary>The UUIDv5 namespace of every id Forewarn makes. Never change it: ids would change with it.</summary>
    public static Guid Namespace { get; } = new("d55682c2-ccaa-4e6d-9aff-937e12b2b149");

    [GeneratedRegex("^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Shape();

    /// <summary>The id of the object of <paramref name="type"/> that <paramref name="name"/> names.</summary>
    public static string For(string type, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(name);
        return $"{type}--{UuidV5(Namespace, name):D}";
    }

    /// <summary>Whether <paramref name="id"/> has the form of a STIX identifier (<c>type--uuid</c>).</summary>
    public static bool IsWellFormed(string? id) => id is not null && Shape().IsMatch(id);

    /// <summary>The type part of a well-formed identifier.</summary>
    public static string TypeOf(string id) => id[..id.IndexOf("--", StringComparison.Ordinal)];

    /// <summary>RFC 9562 section 5.5: SHA-1 over the namespace and the name, version 5, variant 10.</summary>
    internal static Guid UuidV5(Guid ns, string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        ns.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
#pragma warning disable CA5350 // UUIDv5 is defined with SHA-1; it names, it does not protect.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
