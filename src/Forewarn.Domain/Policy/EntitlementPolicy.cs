using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Forewarn.Domain.Jurisdictions;
using Forewarn.Domain.Partners;

namespace Forewarn.Domain.Policy;

/// <summary>
/// Decides who may see which artifact from when. One evaluation serves both the explained
/// decision and the fast check, so an explanation can never disagree with the decision.
/// </summary>
public static class EntitlementPolicy
{
    /// <summary>Decides and explains.</summary>
    public static Entitlement Decide(EntitlementQuery q)
    {
        var findings = new List<Finding>(6);
        var (allowed, opensAt) = Evaluate(q, findings);
        return new Entitlement(allowed, q.At, opensAt, findings);
    }

    /// <summary>Decides without building sentences (for lists and hot paths).</summary>
    public static (bool Allowed, DateTimeOffset? OpensAt) Check(EntitlementQuery q) => Evaluate(q, null);

    private static (bool Allowed, DateTimeOffset? OpensAt) Evaluate(EntitlementQuery q, List<Finding>? why)
    {
        var p = q.Partner;
        var a = q.Artifact;
        var adv = q.Advisory;
        var cls = a.Class;
        var at = q.At;
        var release = adv.ReleaseAt;
        var blocked = false;

        var status = p.StatusAt(at);
        if (!status.Receives())
        {
            blocked = true;
            why?.Add(new(RuleIds.Membership, Effect.Denies,
                $"{p.LegalName} is {status.Name()} since {Moments.ShowDate(p.StatusSince(at))}"));
        }
        else
        {
            why?.Add(new(RuleIds.Membership, Effect.Grants, $"{p.LegalName} is {status.Name()}"));
        }

        if (p.Contract.WhyNotValidAt(at) is { } contractProblem)
        {
            blocked = true;
            why?.Add(new(RuleIds.Contract, Effect.Denies, contractProblem));
        }
        else
        {
            why?.Add(new(RuleIds.Contract, Effect.Grants, $"NDA {p.Contract.NdaVersion} is in force"));
        }

        if (adv.WithdrawnAt is { } withdrawn && withdrawn <= at)
        {
            blocked = true;
            why?.Add(new(RuleIds.AdvisoryState, Effect.Denies, $"{adv.Reference} was withdrawn on {Moments.ShowDate(withdrawn)}"));
        }
        else if (adv.ScheduledAt is not { } scheduled || scheduled > at)
        {
            blocked = true;
            why?.Add(new(RuleIds.AdvisoryState, Effect.Denies, $"{adv.Reference} is a draft, not yet scheduled for release"));
        }

        if (p.Restrictions.Contains(cls))
        {
            blocked = true;
            why?.Add(new(RuleIds.PartnerRestriction, Effect.Denies,
                $"{Capital(cls.Describe())} is withheld from {p.LegalName} by a restriction on this partner"));
        }

        var rules = q.Policy?.Rules ?? [];
        var releaseOnly = false;
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            switch (rule.Kind)
            {
                case PolicyRuleKind.ProbationWithhold when status == PartnerStatus.Probation && rule.Classes.Contains(cls):
                    blocked = true;
                    why?.Add(new(rule.Id, Effect.Denies,
                        $"{Capital(cls.Describe())} withheld from partners on probation, rule {rule.Id} since {Moments.ShowDate(rule.Since)}"));
                    break;
                case PolicyRuleKind.JurisdictionLimit when AppliesTo(rule, p, q.Jurisdictions, why is not null, out var codes):
                    if (!rule.Classes.Contains(cls))
                    {
                        blocked = true;
                        why?.Add(new(rule.Id, Effect.Denies,
                            $"{Capital(cls.Describe())} withheld for {JurisdictionFact.Describe(rule.Fact!)} ({codes}), rule {rule.Id} since {Moments.ShowDate(rule.Since)}"));
                    }
                    else if (rule.AtReleaseOnly)
                    {
                        releaseOnly = true;
                        why?.Add(new(rule.Id, at >= release ? Effect.Grants : Effect.Delays,
                            $"{Capital(cls.Describe())} given only at release for {JurisdictionFact.Describe(rule.Fact!)} ({codes}), rule {rule.Id} since {Moments.ShowDate(rule.Since)}",
                            release));
                    }
                    break;
            }
        }

        // When could it open? Early through the tier's lead time once a wave has published it,
        // or at release when the class is public then; whichever is earlier.
        var lead = q.Tier?.LeadTime(cls);
        Wave? firstWave = null;
        for (var i = 0; i < q.Waves.Count; i++)
        {
            var w = q.Waves[i];
            if (w.AdvisoryId == adv.Id && w.ArtifactIds.Contains(a.Id) && (firstWave is null || w.At < firstWave.At))
                firstWave = w;
        }
        DateTimeOffset? early = lead is { } l && firstWave is not null ? Moments.Max(firstWave.At, release - l) : null;
        if (early is { } e && releaseOnly) early = Moments.Max(e, release);
        PolicyRule? publicRule = null;
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (rule.Kind == PolicyRuleKind.PublicAtRelease && rule.Classes.Contains(cls)) { publicRule = rule; break; }
        }
        DateTimeOffset? atRelease = publicRule is null ? null : release;

        DateTimeOffset? opens = (early, atRelease) switch
        {
            ({ } x, { } y) => Moments.Min(x, y),
            ({ } x, null) => x,
            (null, { } y) => y,
            _ => null,
        };

        if (opens is null)
        {
            blocked = true;
            if (why is not null)
            {
                var tierName = q.Tier?.Name ?? p.Tier;
                why.Add(lead is null
                    ? new(RuleIds.TierLeadTime, Effect.Denies,
                        $"the {tierName} tier does not receive {cls.Describe()} before release, and {cls.Describe()} is not opened to partners at release")
                    : new(RuleIds.Wave, Effect.Denies,
                        $"no wave publishes this {cls.Describe()}, and {cls.Describe()} is not opened to partners at release"));
            }
        }
        else if (why is not null)
        {
            var o = opens.Value;
            var effect = o <= at ? Effect.Grants : Effect.Delays;
            if (early == opens)
            {
                why.Add(new(RuleIds.TierLeadTime, Moments.Max(release - lead!.Value, o) <= at ? Effect.Grants : Effect.Delays,
                    lead.Value == TimeSpan.Zero
                        ? $"the {q.Tier!.Name} tier receives {cls.Describe()} at release ({Moments.Show(release)})"
                        : $"the {q.Tier!.Name} tier receives {cls.Describe()} {Moments.Show(lead.Value)} before release (from {Moments.Show(release - lead.Value)})",
                    release - lead.Value));
                why.Add(new(RuleIds.Wave, firstWave!.At <= at ? Effect.Grants : Effect.Delays,
                    $"wave {firstWave.Number} publishes it at {Moments.Show(firstWave.At)}", firstWave.At));
            }
            else
            {
                why.Add(new(publicRule!.Id, effect,
                    $"{Capital(cls.Describe())} opens to all partners at release ({Moments.Show(release)}), rule {publicRule.Id} since {Moments.ShowDate(publicRule.Since)}",
                    release));
            }
        }

        if (blocked) return (false, null);
        return (opens!.Value <= at, opens);
    }

    /// <summary>
    /// Whether any of the partner's jurisdictions (headquarters first) has the rule's fact; the
    /// matching codes are collected only when an explanation is being built.
    /// </summary>
    private static bool AppliesTo(PolicyRule rule, Partner p, IReadOnlyList<Jurisdiction> jurisdictions, bool explain, out string codes)
    {
        codes = "";
        var applies = Matches(rule.Fact!, p.HeadquartersCountry, jurisdictions);
        if (applies && explain) codes = p.HeadquartersCountry;
        for (var i = 0; i < p.Jurisdictions.Count && (explain || !applies); i++)
        {
            var code = p.Jurisdictions[i];
            if (code == p.HeadquartersCountry || !Matches(rule.Fact!, code, jurisdictions)) continue;
            applies = true;
            if (explain) codes = codes.Length == 0 ? code : codes + ", " + code;
        }
        return applies;
    }

    private static bool Matches(string fact, string code, IReadOnlyList<Jurisdiction> jurisdictions)
    {
        for (var i = 0; i < jurisdictions.Count; i++)
        {
            if (jurisdictions[i].Code == code && jurisdictions[i].Has(fact)) return true;
        }
        return false;
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
