using System.Security.Claims;
using Forewarn.Domain.Publishing;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Auth;
using Forewarn.Server.Publishing;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Api;

/// <summary>
/// Notices: what partners were told about releases, revisions, postponements and withdrawals,
/// and the public documents each release produced.
/// </summary>
public static class NoticeEndpoints
{
    public static void MapNotices(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/notices", Mine).WithTags("Partner").RequireAuthorization(AccessPolicies.PartnerRead)
            .WithSummary("Notices to my organisation, newest first");
        var staff = api.MapGroup("/advisories/{id}").WithTags("Advisories").RequireAuthorization(AccessPolicies.StaffRead);
        staff.MapGet("/notices", OfAdvisory).WithSummary("Notices sent about an advisory, newest first");
        staff.MapGet("/publications", Publications).WithSummary("Versions of the advisory's public CSAF document");
    }

    private static async Task<Ok<List<NoticeDto>>> Mine(ClaimsPrincipal user, ForewarnDb db, int? limit, CancellationToken ct)
    {
        var partner = user.PartnerId();
        return TypedResults.Ok(await ListAsync(db, db.Notices.Where(n => n.PartnerId == partner), limit, ct));
    }

    private static async Task<Ok<List<NoticeDto>>> OfAdvisory(string id, ForewarnDb db, int? limit, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        return TypedResults.Ok(await ListAsync(db, db.Notices.Where(n => n.AdvisoryId == advisory.Id), limit, ct));
    }

    private static async Task<Ok<List<PublicationDto>>> Publications(string id, ForewarnDb db, CsafSettings settings,
        HttpRequest request, CancellationToken ct)
    {
        var advisory = await db.AdvisoryAsync(id, ct);
        var list = await db.Publications.AsNoTracking().Where(p => p.AdvisoryId == advisory.Id).ToListAsync(ct);
        return TypedResults.Ok(list.OrderBy(p => p.Version).Select(p => PublicationDto.From(p, settings.BaseUrl(request))).ToList());
    }

    private static async Task<List<NoticeDto>> ListAsync(ForewarnDb db, IQueryable<Notice> notices, int? limit, CancellationToken ct)
    {
        var take = PageLimit.Take(limit, byDefault: 200, max: 1000);
        var rows = await notices.AsNoTracking().ToListAsync(ct);
        var refs = await db.Advisories.AsNoTracking().Select(a => new { a.Id, a.Reference }).ToDictionaryAsync(a => a.Id, a => a.Reference, ct);
        return [.. rows.OrderByDescending(n => n.At).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NoticeDto(n.Id, n.AdvisoryId.Value, refs.GetValueOrDefault(n.AdvisoryId, ""), Notice.Name(n.Kind), n.Text, n.At))];
    }
}
