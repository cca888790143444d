using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Problems;

namespace Forewarn.Server.Auth;

/// <summary>
/// A partner that is not receiving (suspended, removed — or not yet admitted) changes nothing:
/// every request its key makes with a method that writes (anything but GET, HEAD, OPTIONS) is
/// refused with <c>partner-not-receiving</c>, before its body is read; reads of its own records
/// go on. One rule for every partner write there is and will be — REST, TAXII, and any later
/// caller whose principal carries the partner claims — instead of a check in each endpoint. It
/// runs after authorization, so a partner key on a staff endpoint is still simply forbidden.
/// The status is the one of the current facts generation: a suspension holds from the next request.
/// The one exception is a write marked <see cref="OpenWhileNotReceiving"/>: an appeal of a decision.
/// </summary>
public sealed class ReadOnlyPartners(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, PartnerView view, TimeProvider clock)
    {
        if (IsRead(http.Request.Method) || http.GetEndpoint() is not { } endpoint || !IsPartner(http.User)
            || endpoint.Metadata.GetMetadata<OpenWhileNotReceiving>() is not null)
        {
            await next(http);
            return;
        }
        var partner = await view.PartnerAsync(http.User.PartnerId(), http.RequestAborted);
        var now = clock.GetUtcNow();
        if (partner is not null && partner.StatusAt(now).Receives())
        {
            await next(http);
            return;
        }
        var detail = partner is null
            ? "The partner of this API key is not known; it can change nothing."
            : $"{partner.LegalName} is {partner.StatusAt(now).Name()} since {Moments.ShowDate(partner.StatusSince(now))}; " +
              "while it is not receiving it can read its own records but change nothing.";
        await Problem.Of(ErrorCategory.Forbidden, "partner-not-receiving", detail).ExecuteAsync(http);
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    private static bool IsPartner(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(Caller.OwnerClaim)?.Value == "partner" && user.FindFirst(Caller.PartnerClaim) is not null;
}
