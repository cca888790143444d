using System.Text.Json.Nodes;
using Forewarn.Server.Auth;
using Forewarn.Transparency.Entries;

namespace Forewarn.Server.Transparency;

/// <summary>Entries about authentication: failures against real keys, summed per window.</summary>
public static partial class LogEvents
{
    /// <summary>
    /// Someone failed to authenticate with a real key (wrong secret, or the key revoked or expired)
    /// <c>failures</c> times in one window: the key, the window, the first and last failure, the
    /// reasons, how many distinct sources (addresses, IPv6 /64s) and their networks (IPv4 /24,
    /// IPv6 /48). A partner's key's entry is about that partner, so the partner reads it too.
    /// </summary>
    public static LogEvent AuthFailures(FailedKeyWindow w)
    {
        var reasons = new JsonObject();
        foreach (var (reason, count) in w.Reasons) reasons[reason] = count;
        return LogEvent.Of(LogKinds.AuthFailures, w.To, w.PartnerId?.Value, null,
        [
            Field("key", w.KeyId.ToString()), Field("prefix", w.Prefix), Field("owner", w.Owner.ToString().ToLowerInvariant()),
            Field("partner", w.PartnerId?.Value.ToString()), Field("window_from", LogEvent.Time(w.From)), Field("window_to", LogEvent.Time(w.To)),
            Field("failures", w.Failures), Field("reasons", reasons), Field("first_at", LogEvent.Time(w.FirstAt)), Field("last_at", LogEvent.Time(w.LastAt)),
            Field("sources", w.Sources), Field("sources_capped", w.SourcesCapped ? true : null), Field("networks", Strings(w.Networks)),
            .. By(Actor.Scheduler),
        ]);
    }
}
