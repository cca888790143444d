using Forewarn.Domain.Common;
using Forewarn.Domain.Staff;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Staff;

/// <summary>
/// The programme's named staff members: each staff key belongs to one, and four eyes need two.
/// Adding a member gives nobody any power by itself — a member acts only through keys, and a key
/// that can write needs a second member's approval (unless <c>approvals:staffWriteKey</c> is off).
/// </summary>
public sealed class StaffService(ForewarnDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken ct) =>
        [.. (await db.StaffMembers.AsNoTracking().ToListAsync(ct)).OrderBy(m => m.CreatedAt)];

    public async Task<StaffMember> AddAsync(string? name, Actor actor, CancellationToken ct)
    {
        var member = StaffMember.Create(name, clock.GetUtcNow(), actor.Name);
        if (await db.StaffMembers.AnyAsync(m => m.Name == member.Name, ct))
            throw new ConflictException("duplicate", $"A staff member named '{member.Name}' already exists.");
        db.StaffMembers.Add(member);
        db.Stage(LogEvents.StaffMemberAdded(member, actor));
        await db.SaveChangesAsync(ct);
        return member;
    }
}
