using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Staff;

/// <summary>Staff members over HTTP: list (with the write keys proposed for each), add.</summary>
public static class StaffEndpoints
{
    public static void MapStaff(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/staff").WithTags("Staff");
        g.MapGet("/", List).RequireAuthorization(AccessPolicies.StaffRead).WithSummary("The staff members, with write keys proposed for them");
        g.MapPost("/", Add).RequireAuthorization(AccessPolicies.StaffWrite).WithSummary("Add a named staff member (who may then hold staff keys)")
            .Refuses(ErrorCategory.Invalid, ErrorCategory.Conflict);
    }

    private static async Task<Ok<List<StaffMemberDto>>> List(StaffService staff, ForewarnDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var members = new List<StaffMemberDto>();
        foreach (var m in await staff.ListAsync(ct))
            members.Add(StaffMemberDto.From(m, await PendingChanges.OfAsync(db, m.Id.ToString(), now, ct)));
        return TypedResults.Ok(members);
    }

    private static async Task<Created<StaffMemberDto>> Add(NewStaffMember body, StaffService staff, ClaimsPrincipal user, CancellationToken ct)
    {
        var member = await staff.AddAsync(body.Name, Actor.Of(user), ct);
        return TypedResults.Created($"/api/v1/staff/{member.Id}", StaffMemberDto.From(member));
    }
}
