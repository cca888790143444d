using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Server.Api;
using Forewarn.Server.Auth;
using Forewarn.Server.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Keys;

/// <summary>
/// Binds a key, or every key of a partner, to networks (CIDR allow-lists), and clears the binding.
/// Staff do it, as they issue and revoke keys; each change is one <c>networks.changed</c> entry
/// with the blocks before and after, and holds from the next request (bindings are facts). A list
/// that does not parse is refused whole, the store unchanged. Narrowing where a key works widens
/// nothing, so it needs no second staff member.
/// </summary>
public sealed class NetworkService(ForewarnDb db, TimeProvider clock)
{
    public async Task<NetworksView> OfKeyAsync(string key, CancellationToken ct)
    {
        var found = await KeyAsync(key, ct);
        return await ViewAsync(NetworkSubject.Key, found.Id, ct);
    }

    public async Task<NetworksView> OfPartnerAsync(string partner, CancellationToken ct)
    {
        var found = await db.PartnerAsync(partner, ct);
        return await ViewAsync(NetworkSubject.Partner, found.Id.Value, ct);
    }

    /// <summary>Sets a key's networks (an empty list clears them).</summary>
    public async Task<NetworksView> SetKeyAsync(string key, IEnumerable<string?>? networks, Actor actor, CancellationToken ct)
    {
        var list = NetworkAllowList.Parse(networks);
        var found = await KeyAsync(key, ct);
        return await SetAsync(NetworkSubject.Key, found.Id, found.PartnerId?.Value, found.Prefix, list, actor, ct);
    }

    /// <summary>Sets the networks every key of a partner is bound to (an empty list clears them).</summary>
    public async Task<NetworksView> SetPartnerAsync(string partner, IEnumerable<string?>? networks, Actor actor, CancellationToken ct)
    {
        var list = NetworkAllowList.Parse(networks);
        var found = await db.PartnerAsync(partner, ct);
        return await SetAsync(NetworkSubject.Partner, found.Id.Value, found.Id.Value, null, list, actor, ct);
    }

    private async Task<NetworksView> SetAsync(NetworkSubject subject, Guid id, Guid? partner, string? prefix, NetworkAllowList list,
        Actor actor, CancellationToken ct)
    {
        var binding = await db.NetworkBindings.FirstOrDefaultAsync(b => b.SubjectId == id, ct);
        var before = binding?.Networks ?? [];
        if (before.SequenceEqual(list.Blocks)) return new NetworksView(subject == NetworkSubject.Key ? "key" : "partner", id, before, binding?.ChangedAt, binding?.ChangedBy);
        var now = clock.GetUtcNow();
        if (list.IsEmpty) db.NetworkBindings.Remove(binding!);
        else if (binding is null) db.NetworkBindings.Add(binding = NetworkBinding.Bind(subject, id, list, now, actor.Name));
        else binding.Change(list, now, actor.Name);
        db.Stage(LogEvents.NetworksChanged(subject, id, partner, prefix, before, list.Blocks, now, actor));
        await db.SaveChangesAsync(ct);
        return new NetworksView(subject == NetworkSubject.Key ? "key" : "partner", id, list.Blocks, now, actor.Name);
    }

    private async Task<NetworksView> ViewAsync(NetworkSubject subject, Guid id, CancellationToken ct)
    {
        var binding = await db.NetworkBindings.AsNoTracking().FirstOrDefaultAsync(b => b.SubjectId == id, ct);
        return new NetworksView(subject == NetworkSubject.Key ? "key" : "partner", id, binding?.Networks ?? [], binding?.ChangedAt, binding?.ChangedBy);
    }

    /// <summary>A key by its id or its prefix (the part of the token after <c>fw_</c>).</summary>
    private async Task<ApiKey> KeyAsync(string key, CancellationToken ct)
    {
        var text = key.Trim();
        var found = Guid.TryParse(text, out var id)
            ? await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct)
            : text.Length is > 0 and <= 12 ? await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == text.ToLowerInvariant(), ct) : null;
        return found ?? throw new NotFoundException("key", key);
    }
}

/// <summary>The networks a key or partner is bound to (none: unbound), and who changed them last, when.</summary>
public sealed record NetworksView(string Subject, Guid Id, IReadOnlyList<string> Networks, DateTimeOffset? ChangedAt, string? ChangedBy);
