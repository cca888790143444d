using Forewarn.Domain.Approvals;
using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Server.Api.Contracts;
using Forewarn.Server.Approvals;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Keys;

/// <summary>
/// Issue (the token is returned once and never stored) and revoke API keys; both logged, never the
/// secret. A staff key belongs to a staff member. A staff key that can write needs a second
/// member's approval unless <c>approvals:staffWriteKey</c> is off; once approved, the member it is
/// for collects it (<see cref="ProposalService.CollectKeyAsync"/>), so neither the proposer nor
/// the approver ever holds another member's write key.
/// </summary>
public sealed class KeyService(ForewarnDb db, TimeProvider clock, FourEyesGate gate)
{
    public async Task<Gated<IssuedApiKey>> IssueAsync(NewKey body, Actor actor, CancellationToken ct)
    {
        var owner = body.Owner?.Trim().ToLowerInvariant() switch
        {
            "staff" => KeyOwner.Staff,
            "partner" => KeyOwner.Partner,
            _ => throw new DomainException("invalid-key", $"'{body.Owner}' is not a key owner; use staff or partner."),
        };
        PartnerId? partner = null;
        if (body.PartnerId is { } pid)
        {
            if (!await db.Partners.AnyAsync(p => p.Id == new PartnerId(pid), ct))
                throw new NotFoundException("partner", pid.ToString());
            partner = new PartnerId(pid);
        }
        StaffMemberId? member = null;
        string? memberName = null;
        if (owner == KeyOwner.Staff)
        {
            member = body.MemberId is { } mid ? new StaffMemberId(mid) : actor.Member
                ?? throw new DomainException("invalid-key", "Name the staff member who will hold the key (memberId).");
            memberName = await db.StaffMembers.AsNoTracking().Where(m => m.Id == member).Select(m => m.Name).FirstOrDefaultAsync(ct)
                         ?? throw new NotFoundException("staff member", member.Value.ToString());
        }
        else if (body.MemberId is not null)
            throw new DomainException("invalid-key", "A partner key cannot belong to a staff member; leave memberId out.");
        var now = clock.GetUtcNow();
        var (key, token) = ApiKey.Issue(owner, partner, body.Name, body.Scopes, body.ExpiresAt ?? now.AddDays(365), now,
            actor.Approval?.Names ?? actor.Name, member);
        if (key.Owner == KeyOwner.Staff && key.CanWrite && gate.Needs(GatedAction.StaffWriteKey, actor))
            return await gate.ProposeAsync(GatedAction.StaffWriteKey, member!.Value.ToString(),
                $"Issue a staff key that can write ('{key.Name}', {string.Join(", ", key.Scopes)}) to {memberName}; {memberName} collects it once approved",
                body with { Owner = "staff", MemberId = member.Value.Value, ExpiresAt = body.ExpiresAt }, null, actor, ct);
        db.ApiKeys.Add(key);
        db.Stage(LogEvents.KeyIssued(key, actor));
        await db.SaveChangesAsync(ct);
        return Gated<IssuedApiKey>.Done(new IssuedApiKey(key, token));
    }

    /// <summary>Revoked with immediate effect: the next request with it is refused.</summary>
    public async Task<ApiKey> RevokeAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException("key", id.ToString());
        key.Revoke(clock.GetUtcNow());
        db.Stage(LogEvents.KeyRevoked(key, actor));
        await db.SaveChangesAsync(ct);
        return key;
    }
}

/// <summary>A key just issued, with its token: the only moment the token exists outside its holder.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Token);
