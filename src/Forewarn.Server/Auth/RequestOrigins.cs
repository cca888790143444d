using System.Net;
using System.Security.Cryptography;
using System.Text;
using Forewarn.Server.Hosting;
using Forewarn.Server.ProgramKeys;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Auth;

/// <summary>
/// Where a request came from, in the two forms it is kept: the address itself (and its network),
/// stored beside the request's log entry for staff, and a salted hash of it for the public log.
/// The hash is HMAC-SHA256 under the store's own secret salt (32 random bytes, made once, kept
/// encrypted with the programme's other secrets and never in the log): the same address always
/// gives the same hash, so staff can match "the same address" across entries, but nobody holding
/// only the log can test a guessed address against it — IPv4 has only 2³² addresses, so a plain
/// or public-salt hash would be reversed by trying them all.
/// </summary>
public sealed class RequestOrigins(IServiceScopeFactory scopes, ProgramSecrets secrets)
{
    public const string SettingKey = "sources.salt";

    private readonly ProgramValue<byte[]> salt = new(scopes, secrets, SettingKey,
        () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.FromBase64String);

    /// <summary>
    /// The origin of a request from <paramref name="address"/> — the connection's address, which
    /// is the client's when forwarded headers are enabled for a trusted proxy (docs/security.md).
    /// </summary>
    public async Task<RequestOrigin> OfAsync(IPAddress? address, CancellationToken ct)
    {
        if (address is null) return RequestOrigin.Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var text = address.ToString();
        var hmac = Convert.ToHexStringLower(HMACSHA256.HashData(await salt.GetAsync(ct), Encoding.ASCII.GetBytes(text)));
        return new RequestOrigin(address, text, SourceAddress.NetworkOf(address), hmac);
    }

    /// <summary>The origin of the request being served.</summary>
    public Task<RequestOrigin> OfAsync(HttpContext http) => OfAsync(http.Connection.RemoteIpAddress, http.RequestAborted);
}

/// <summary>
/// A request's source: the address (as text, IPv4-mapped IPv6 shown as IPv4), its network (IPv4
/// /24, IPv6 /48), and the salted hash the log may carry. All null when not known (an in-process call).
/// </summary>
public sealed record RequestOrigin(IPAddress? Ip, string? Address, string? Network, string? Hmac)
{
    public static readonly RequestOrigin Unknown = new(null, null, null, null);

    /// <summary>The entry of a content decision made for a request from here: the hash in it, the address beside it.</summary>
    public LogEvent Logged(Forewarn.Domain.Access.AccessRecord record) =>
        Forewarn.Server.Transparency.LogEvents.ToLogEvent(record with { SourceHmac = Hmac }) with { Source = For(record.KeyId, record.At) };

    /// <summary>What the store keeps beside a keyed request's entry.</summary>
    public EntrySource For(Guid key, DateTimeOffset at) => new(key, at, Address, Network);
}
