using Forewarn.Domain.Common;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Problems;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Auth;

/// <summary>
/// A key bound to networks works only from them: a request whose source address is outside the
/// key's own list, or its partner's, is refused with <c>403 network-not-allowed</c> before
/// authorization or any endpoint runs — whatever it asked for, so a stolen key used from
/// elsewhere reads nothing, changes nothing and learns nothing about what exists — and recorded
/// as a <c>key.refused_network</c> entry (the address as its salted hash; the address itself
/// beside the entry, for staff). 403 rather than the 404 that hides a partner's resources: the
/// caller holds a right key and is told only what it already knows, that its key is bound.
/// The bindings are facts, so a change holds from the next request on every server.
/// </summary>
public sealed class NetworkBoundKeys(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, RequestFacts facts, RequestOrigins origins, ILogAppender log, TimeProvider clock)
    {
        if (http.User.Identity?.IsAuthenticated != true || http.User.FindFirst(Caller.KeyIdClaim) is null)
        {
            await next(http);
            return;
        }
        var known = await facts.GetAsync(http.RequestAborted);
        var key = http.User.KeyId();
        Guid? partner = Guid.TryParse(http.User.FindFirst(Caller.PartnerClaim)?.Value, out var p) ? p : null;
        var address = http.Connection.RemoteIpAddress;
        var refusedBy = known.NetworksOf.TryGetValue(key, out var own) && !own.Allows(address) ? "key"
            : partner is { } id && known.NetworksOf.TryGetValue(id, out var theirs) && !theirs.Allows(address) ? "partner"
            : null;
        if (refusedBy is null)
        {
            await next(http);
            return;
        }
        var origin = await origins.OfAsync(http);
        var request = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no such endpoint)"}";
        var prefix = http.User.FindFirst(Caller.KeyPrefixClaim)?.Value ?? "";
        // Logged before the answer, as every refusal of content is: the record exists if the refusal was seen.
        await log.AppendAsync(LogEvents.KeyRefusedNetwork(key, prefix, partner, request, refusedBy, origin, clock.GetUtcNow()), http.RequestAborted);
        var whose = refusedBy == "key" ? "This API key is" : "The keys of this partner are";
        await Problem.Of(ErrorCategory.Forbidden, "network-not-allowed",
            $"{whose} bound to networks that do not include this request's address, so nothing was done; the refusal is recorded. " +
            "Use the key from its own networks, or ask the programme's staff to change the binding.").ExecuteAsync(http);
    }
}
