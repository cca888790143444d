using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Forewarn.Server.Taxii;

/// <summary>
/// The opaque <c>next</c> value: the last (date_added, id, version) a page ended with, and a
/// fingerprint of the endpoint and filters it was made for. Pages are ordered by date_added, then
/// id, then version, and the next page starts strictly after the cursor's position — so objects
/// that open later (and so are added later) never shift pages already handed out.
/// </summary>
public sealed record TaxiiCursor(long DateAdded, string Id, long Version, string Query)
{
    public static string Fingerprint(string endpoint, TaxiiFilter filter) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint + "\n" + filter.Canonical)))[..32];

    public static TaxiiCursor After(TaxiiObject last, string fingerprint) =>
        new(last.DateAdded.UtcTicks, last.Id, last.Version.UtcTicks, fingerprint);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static TaxiiCursor? Decode(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<TaxiiCursor>(Base64Url.DecodeFromChars(text));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="o"/> comes after this position in the collection's order.</summary>
    public bool Precedes(TaxiiObject o)
    {
        var c = o.DateAdded.UtcTicks.CompareTo(DateAdded);
        if (c == 0) c = string.CompareOrdinal(o.Id, Id);
        if (c == 0) c = o.Version.UtcTicks.CompareTo(Version);
        return c > 0;
    }

    public static IOrderedEnumerable<TaxiiObject> Order(IEnumerable<TaxiiObject> objects) =>
        objects.OrderBy(o => o.DateAdded).ThenBy(o => o.Id, StringComparer.Ordinal).ThenBy(o => o.Version);
}
