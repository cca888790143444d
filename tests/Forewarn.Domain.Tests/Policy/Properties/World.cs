using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;
using Forewarn.Domain.Policy;
using Forewarn.Domain.Tiers;

namespace Forewarn.Domain.Tests.Policy.Properties;

/// <summary>
/// A generated world for one decision: plain data (what the invariants are checked against) and
/// the domain objects built from it through the domain's own constructors (what the policy sees).
/// </summary>
internal sealed class World
{
    /// <summary>All generated times are minutes away from this instant.</summary>
    public static readonly DateTimeOffset Base = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Applied = Base.AddDays(-40);
    public static readonly DateTimeOffset Created = Base.AddDays(-50);

    public World(PartnerSpec partner, IReadOnlyDictionary<ContentClass, TimeSpan>? leadTimes, IReadOnlyList<JurisdictionSpec> jurisdictions,
        IReadOnlyList<RuleSpec>? rules, AdvisorySpec advisory, DateTimeOffset at)
    {
        Partner = partner;
        LeadTimes = leadTimes;
        Jurisdictions = jurisdictions;
        Rules = rules;
        Advisory = advisory;
        At = at;
        Query = Build();
    }

    public PartnerSpec Partner { get; }
    /// <summary>The partner's tier's lead times, or null when its tier is unknown.</summary>
    public IReadOnlyDictionary<ContentClass, TimeSpan>? LeadTimes { get; }
    public IReadOnlyList<JurisdictionSpec> Jurisdictions { get; }
    /// <summary>The rules of the policy version in force, or null when there is none.</summary>
    public IReadOnlyList<RuleSpec>? Rules { get; }
    public AdvisorySpec Advisory { get; }
    public DateTimeOffset At { get; }
    public EntitlementQuery Query { get; }

    private EntitlementQuery Build()
    {
        var p = Partner;
        var partner = Forewarn.Domain.Partners.Partner.Create("Fabrikam Security", p.Headquarters, p.AlsoUnder, PartnerCategory.ManagedSecurity,
            "generated", Contract.Create("NDA-3", p.Signed, p.Expires), Applied, "staff");
        foreach (var step in p.Steps)
            partner.ChangeStatus(step.To, "generated", step.At, "staff");
        partner.SetRestrictions(p.Restrictions);

        var tier = LeadTimes is null ? null : Tier.Create("generated", null, LeadTimes);
        var jurisdictions = Jurisdictions.Select(j => Jurisdiction.Create(j.Code, j.Code, j.Facts, null)).ToList();
        var policy = Rules is null
            ? null
            : PolicyVersion.Next(null,
                Rules.Select(r => PolicyRule.Create(r.Id, r.Kind, "generated", r.Fact, r.Classes, r.AtReleaseOnly, Applied)),
                Applied, "generated", "staff", Applied);

        var a = Advisory;
        var advisory = Forewarn.Domain.Advisories.Advisory.Create("FW-2025-0001", "Generated advisory", null, null, null, null, a.Release, Created, "staff");
        if (a.Scheduled is { } scheduled) advisory.Schedule(scheduled, "staff");
        var target = Artifact.Create(advisory, "asked about", a.Target, TlpLabel.Amber, null, null, [1], Created).Artifact;
        var other = Artifact.Create(advisory, "other", a.Other, TlpLabel.Amber, null, null, [2], Created).Artifact;
        var waves = new List<Wave>();
        foreach (var w in a.Waves)
        {
            waves.Add(Wave.Plan(advisory, waves, [target, other], waves.Count == 0 ? WaveKind.Initial : WaveKind.Update,
                w.At, [w.PublishesTarget ? target.Id : other.Id], null, a.Scheduled!.Value));
        }
        if (a.Withdrawn is { } withdrawn) advisory.Withdraw("generated", withdrawn, "staff");

        return new EntitlementQuery(partner, tier, jurisdictions, advisory, target, waves, policy, At);
    }

    /// <summary>The whole world in one paragraph, so a counterexample can be read and replayed.</summary>
    public override string ToString()
    {
        static string T(DateTimeOffset? t) => t is { } v ? Moments.Show(v) : "never";
        var s = new StringBuilder();
        s.Append($"at {T(At)}; ");
        s.Append($"partner {Partner.Headquarters} +[{string.Join(",", Partner.AlsoUnder)}] ");
        s.Append($"steps [{string.Join(", ", Partner.Steps.Select(x => $"{x.To.Name()}@{T(x.At)}"))}] ");
        s.Append($"NDA signed {T(Partner.Signed)} expires {T(Partner.Expires)} restricted [{string.Join(",", Partner.Restrictions)}]; ");
        s.Append(LeadTimes is null ? "no tier; " : $"leads [{string.Join(", ", LeadTimes.Select(l => $"{l.Key}={l.Value}"))}]; ");
        s.Append($"jurisdictions [{string.Join(", ", Jurisdictions.Select(j => $"{j.Code}:{string.Join("+", j.Facts)}"))}]; ");
        s.Append(Rules is null ? "no policy; " : $"rules [{string.Join(", ", Rules.Select(r => $"{r.Id} {r.Kind} {r.Fact} [{string.Join(",", r.Classes)}]{(r.AtReleaseOnly ? " at-release" : "")}"))}]; ");
        s.Append($"advisory release {T(Advisory.Release)} scheduled {T(Advisory.Scheduled)} withdrawn {T(Advisory.Withdrawn)} ");
        s.Append($"target {Advisory.Target} other {Advisory.Other} ");
        s.Append($"waves [{string.Join(", ", Advisory.Waves.Select(w => $"{T(w.At)}{(w.PublishesTarget ? " target" : " other")}"))}]");
        return s.ToString();
    }
}
