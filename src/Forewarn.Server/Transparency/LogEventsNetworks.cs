using Forewarn.Domain.Keys;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>Entries about where keys may be used from: bindings changed, and requests refused for their network.</summary>
public static partial class LogEvents
{
    /// <summary>
    /// A key's or a partner's networks were set or cleared: <c>subject</c> (<c>key</c>, <c>partner</c>),
    /// the key (with its prefix) or partner, and the blocks before and after (empty: unbound).
    /// </summary>
    public static LogEvent NetworksChanged(NetworkSubject subject, Guid subjectId, Guid? partner, string? prefix,
        IReadOnlyList<string> from, IReadOnlyList<string> to, DateTimeOffset at, Actor user) =>
        LogEvent.Of(LogKinds.NetworksChanged, at, partner, null,
        [
            Field("change", to.Count == 0 ? "cleared" : "set"),
            Field("subject", subject == NetworkSubject.Key ? "key" : "partner"),
            Field("key", subject == NetworkSubject.Key ? subjectId.ToString() : null),
            Field("prefix", prefix),
            Field("partner", partner?.ToString()),
            Field("from", Strings(from)),
            Field("to", Strings(to)),
            .. By(user),
        ]);

    /// <summary>
    /// A right key was used from an address outside its networks: the key, its partner, the
    /// request (method and route, never the query), which binding refused it, and the address only as
    /// its salted hash (<c>source_hmac</c>); the address itself is kept beside the entry in the store.
    /// </summary>
    public static LogEvent KeyRefusedNetwork(Guid key, string prefix, Guid? partner, string request, string boundBy, RequestOrigin origin, DateTimeOffset at) =>
        LogEvent.Of(LogKinds.KeyRefusedNetwork, at, partner, null,
            Field("key", key.ToString()),
            Field("prefix", prefix),
            Field("partner", partner?.ToString()),
            Field("request", request),
            Field("bound_by", boundBy),
            Field("source_hmac", origin.Hmac)) with { Source = origin.For(key, at) };
}
