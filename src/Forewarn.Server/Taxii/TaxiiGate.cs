using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;
using Forewarn.Server.Auth;
using Forewarn.Server.Entitlements;

namespace Forewarn.Server.Taxii;

/// <summary>
/// Runs before every TAXII endpoint: refuses with 406 a request that does not accept the TAXII
/// media type, and with 403 a partner that may receive nothing now (suspended, removed) — at
/// once, as the facts generation makes a suspension visible to the very next request.
/// </summary>
public static class TaxiiGate
{
    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.CacheControl = "no-store";
        if (!TaxiiMedia.Accepted(http.Request))
            return TaxiiResponses.Error(StatusCodes.Status406NotAcceptable, "not-acceptable", "Not acceptable",
                $"This TAXII server answers only {TaxiiMedia.Taxii}; send it (or application/taxii+json) in the Accept header.");
        if (TaxiiAccess.IsPartner(http.User))
        {
            var view = http.RequestServices.GetRequiredService<PartnerView>();
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var partner = await view.PartnerAsync(http.User.PartnerId(), http.RequestAborted);
            if (partner is null)
                return TaxiiResponses.Error(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "The partner of this API key is not known.");
            var status = partner.StatusAt(now);
            if (!status.Receives())
                return TaxiiResponses.Error(StatusCodes.Status403Forbidden, "partner-not-receiving", "Partner not receiving",
                    $"{partner.LegalName} is {status.Name()} since {Moments.ShowDate(partner.StatusSince(now))}; nothing can be served to it.");
            http.Items[typeof(Partner)] = partner;
        }
        return await next(context);
    }

    /// <summary>The partner the gate let through, or null for staff.</summary>
    public static Partner? PartnerOf(HttpContext http) => http.Items[typeof(Partner)] as Partner;
}
