using Forewarn.Domain.Common;

namespace Forewarn.Domain.Keys;

/// <summary>What a network binding holds: one key, or every key of one partner.</summary>
public enum NetworkSubject
{
    Key,
    Partner,
}

/// <summary>
/// The networks one key — or every key of one partner — may be used from. A request with a key
/// is served only when its source address is in the key's own list (if it has one) and in its
/// partner's list (if the partner has one); a key with neither is bound to nothing. Staff set and
/// clear them; each change is logged.
/// </summary>
public sealed class NetworkBinding
{
    private NetworkBinding() { }

    /// <summary>The key's id, or the partner's.</summary>
    public Guid SubjectId { get; private set; }
    public NetworkSubject Subject { get; private set; }
    /// <summary>The blocks in canonical CIDR text.</summary>
    public IReadOnlyList<string> Networks { get; private set; } = [];
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";

    public static NetworkBinding Bind(NetworkSubject subject, Guid id, NetworkAllowList networks, DateTimeOffset at, string actor)
    {
        if (networks.IsEmpty) throw new DomainException("invalid-network", "Name at least one network; to unbind, clear the list instead.");
        return new NetworkBinding { Subject = subject, SubjectId = id, Networks = networks.Blocks, ChangedAt = at, ChangedBy = actor };
    }

    public void Change(NetworkAllowList networks, DateTimeOffset at, string actor)
    {
        if (networks.IsEmpty) throw new DomainException("invalid-network", "Name at least one network; to unbind, clear the list instead.");
        Networks = networks.Blocks;
        ChangedAt = at;
        ChangedBy = actor;
    }

    /// <summary>The list, parsed (it was canonical when stored).</summary>
    public NetworkAllowList AllowList() => NetworkAllowList.Parse(Networks);
}
