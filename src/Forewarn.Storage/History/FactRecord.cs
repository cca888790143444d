namespace Forewarn.Storage.History;

/// <summary>
/// One fact as it stood from a moment on: a partner's, tier's, jurisdiction's, advisory's or
/// wave's policy facts (as JSON), or null when it ceased to exist (a cancelled wave). Rows are
/// only ever added — a change takes effect when it is made, never earlier — so the facts in force
/// at any past moment are the row of each subject with the latest <see cref="From"/> not after
/// it. Before its first row a subject did not exist — unless that row <see cref="ReachesBack"/>:
/// the facts a store already held when its history began (or the demo's replayed programme).
/// Every change also adds one <see cref="FactKinds.Version"/> row naming the facts generation it
/// made, so a decision that names its generation can be re-decided with exactly the changes it knew.
/// </summary>
public sealed class FactRecord
{
    private FactRecord() { }

    internal FactRecord(string kind, string subject, DateTimeOffset from, string? facts, string generation, bool reachesBack = false)
    {
        ReachesBack = reachesBack;
        Kind = kind;
        Subject = subject;
        From = from;
        Facts = facts;
        Generation = generation;
    }

    /// <summary>Store order: among rows of the same moment, the later row is the later change.</summary>
    public long Id { get; private set; }
    /// <summary>partner, tier, jurisdiction, advisory or wave (<see cref="FactKinds"/>).</summary>
    public string Kind { get; private set; } = "";
    /// <summary>The subject's key: an id, a tier's name or a jurisdiction's code.</summary>
    public string Subject { get; private set; } = "";
    public DateTimeOffset From { get; private set; }
    /// <summary>The facts from <see cref="From"/> on, as JSON; null: the subject no longer exists.</summary>
    public string? Facts { get; private set; }
    /// <summary>The facts generation the change made (what access entries name as their facts version).</summary>
    public string Generation { get; private set; } = "";
    /// <summary>The subject's first facts, known to hold from before the history began.</summary>
    public bool ReachesBack { get; private set; }
}

/// <summary>The kinds of subject whose facts have a history.</summary>
public static class FactKinds
{
    public const string Partner = "partner";
    public const string Tier = "tier";
    public const string Jurisdiction = "jurisdiction";
    public const string Advisory = "advisory";
    public const string Wave = "wave";
    /// <summary>A change's mark: its subject is the facts generation the change made; it has no facts.</summary>
    public const string Version = "version";
}
