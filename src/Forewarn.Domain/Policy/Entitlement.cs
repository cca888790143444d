using Forewarn.Domain.Common;

namespace Forewarn.Domain.Policy;

/// <summary>How one rule weighed on a decision.</summary>
public enum Effect
{
    /// <summary>The rule grants access (from <see cref="Finding.From"/>).</summary>
    Grants,
    /// <summary>The rule holds access back until <see cref="Finding.From"/>.</summary>
    Delays,
    /// <summary>The rule refuses access, whatever the time.</summary>
    Denies,
}

/// <summary>One rule's part in a decision, as a sentence.</summary>
public sealed record Finding(string Rule, Effect Effect, string Sentence, DateTimeOffset? From = null);

/// <summary>
/// The policy's answer for (partner, artifact, time): allowed or not, from when it opens (if it
/// ever does under the current facts), and every rule that decided it.
/// </summary>
public sealed record Entitlement(bool Allowed, DateTimeOffset At, DateTimeOffset? OpensAt, IReadOnlyList<Finding> Findings)
{
    /// <summary>The rules that decided: the denying ones for a refusal, the granting and delaying ones otherwise.</summary>
    public IReadOnlyList<Finding> Deciding =>
        Findings.Any(f => f.Effect == Effect.Denies)
            ? [.. Findings.Where(f => f.Effect == Effect.Denies)]
            : Allowed
                ? [.. Findings.Where(f => f.Effect == Effect.Grants)]
                : [.. Findings.Where(f => f.Effect == Effect.Delays)];

    /// <summary>A plain-language line: "allowed: …", "not yet: … opens …" or "denied: …".</summary>
    public string Explanation
    {
        get
        {
            var reasons = string.Join("; ", Deciding.Select(f => f.Sentence));
            if (Allowed) return $"allowed since {Moments.Show(OpensAt!.Value)}: {reasons}";
            return OpensAt is { } o
                ? $"not yet: opens {Moments.Show(o)}; {reasons}"
                : $"denied: {reasons}";
        }
    }

    public string Verdict => Allowed ? "allowed" : OpensAt is null ? "denied" : "not-yet";
}
