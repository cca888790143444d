using Forewarn.Domain.Common;
using Forewarn.Domain.Partners;

namespace Forewarn.Domain.Cases;

/// <summary>What a case decides about a partner.</summary>
public enum DecisionKind
{
    /// <summary>Looked at; nothing to hold against the partner.</summary>
    NoAction,
    /// <summary>A formal warning: recorded and told, nothing else changes.</summary>
    Warning,
    /// <summary>Content classes withheld from the partner whatever its tier says.</summary>
    Restrict,
    /// <summary>The partner moves to another tier (usually a lower one: later, less).</summary>
    MoveTier,
    /// <summary>The partner is put on probation.</summary>
    Probation,
    /// <summary>The partner is suspended: it receives nothing until reinstated.</summary>
    Suspend,
    /// <summary>The partner is removed from the programme: final.</summary>
    Remove,
    /// <summary>An earlier decision's sanction (restriction, tier move, probation, suspension) is lifted; never a removal.</summary>
    Reinstate,
}

/// <summary>The wire names of decision kinds and what each does to a partner's status.</summary>
public static class DecisionKinds
{
    public static IReadOnlyList<DecisionKind> All { get; } = Enum.GetValues<DecisionKind>();

    public static string Name(this DecisionKind kind) => kind switch
    {
        DecisionKind.NoAction => "no-action",
        DecisionKind.MoveTier => "move-tier",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static DecisionKind Parse(string? text)
    {
        foreach (var kind in All)
            if (string.Equals(kind.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase)) return kind;
        throw new DomainException("unknown-decision", $"'{text}' is not a decision; use {string.Join(", ", All.Select(Name))}.");
    }

    /// <summary>The status a status sanction moves the partner to; null for the others.</summary>
    public static PartnerStatus? Status(this DecisionKind kind) => kind switch
    {
        DecisionKind.Probation => PartnerStatus.Probation,
        DecisionKind.Suspend => PartnerStatus.Suspended,
        DecisionKind.Remove => PartnerStatus.Removed,
        _ => null,
    };

    /// <summary>Whether a later reinstatement can lift what this kind does.</summary>
    public static bool CanBeLifted(this DecisionKind kind) =>
        kind is DecisionKind.Restrict or DecisionKind.MoveTier or DecisionKind.Probation or DecisionKind.Suspend;
}

/// <summary>Whether staff upheld or overturned the decision a partner appealed.</summary>
public enum AppealOutcome
{
    Upheld,
    Overturned,
}

public static class AppealOutcomes
{
    public static string Name(this AppealOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary><c>uphold</c> / <c>upheld</c> or <c>overturn</c> / <c>overturned</c>.</summary>
    public static AppealOutcome Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "uphold" or "upheld" => AppealOutcome.Upheld,
        "overturn" or "overturned" => AppealOutcome.Overturned,
        _ => throw new DomainException("unknown-appeal-outcome", $"'{text}' is not an outcome of an appeal; use uphold or overturn."),
    };
}
