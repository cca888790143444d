using Forewarn.Domain.Common;

namespace Forewarn.Domain.Investigations;

/// <summary>
/// Suspicion across incidents: a partner that keeps turning up in small suspect sets, or with
/// strong holdings, stands out; one that turns up once by chance does not.
/// <para>
/// Each partner's <em>score</em> is the sum of its holding weights over the incidents whose set it
/// was in. The <em>null model</em> — chance alone — is that membership says nothing about the
/// partner: each incident's set and its holdings could as well have fallen on any partner of the
/// programme then, so in each incident a partner gets, independently, one of the set's weights
/// with probability (members with that weight ÷ population), and nothing otherwise. The p-value is
/// the exact chance of a score at least the partner's under that model. A partner is flagged when
/// its p-value is below the false-alarm rate ÷ the number of partners (so the chance that anyone
/// at all is flagged when nobody leaked is at most the rate) and it was in at least the minimum
/// number of sets.
/// </para>
/// <para>
/// Assumptions: incidents are independent; every partner counts as part of every incident's
/// population (a partner that joined later could not have been a suspect, so this only makes its
/// p-value larger — never a false flag). A programme where the same partners hold everything (one
/// tier sees all) makes membership common for them; the model then asks for correspondingly more
/// appearances, which is what chance demands.
/// </para>
/// </summary>
public static class SuspicionModel
{
    /// <summary>Every partner in at least one suspect set, strongest suspicion first.</summary>
    /// <param name="incidents">The incidents to weigh.</param>
    /// <param name="partners">How many partners the programme has: the Bonferroni divisor (at
    /// least the number of distinct suspects).</param>
    /// <param name="settings">Weights, false-alarm rate, minimum appearances.</param>
    public static IReadOnlyList<PartnerSuspicion> Assess(IReadOnlyList<Incident> incidents, int partners, SuspicionSettings settings)
    {
        Check(settings);
        var weighted = new WeightedIncident[incidents.Count];
        var observed = new Dictionary<Guid, (int Appearances, int Score)>();
        for (var i = 0; i < incidents.Count; i++)
        {
            weighted[i] = Weigh(incidents[i], settings.Weights);
            foreach (var suspect in incidents[i].Suspects)
            {
                var (appearances, score) = observed.GetValueOrDefault(suspect.Partner);
                observed[suspect.Partner] = (appearances + 1, score + settings.Weights.Of(suspect.Holding));
            }
        }
        if (observed.Count == 0) return [];

        var cap = observed.Values.Max(o => o.Score);
        var chance = ChanceScores.Over(weighted, cap);
        var expectedAppearances = weighted.Sum(w => w.ExpectedMembership);
        var expectedScore = weighted.Sum(w => w.ExpectedScore);
        var threshold = settings.FalseAlarmRate / Math.Max(partners, observed.Count);
        return observed
            .Select(o =>
            {
                var p = chance.AtLeast(o.Value.Score);
                return new PartnerSuspicion(o.Key, incidents.Count, o.Value.Appearances, expectedAppearances,
                    o.Value.Score, expectedScore, p, threshold, p < threshold && o.Value.Appearances >= settings.MinimumAppearances);
            })
            .OrderBy(s => s.PValue).ThenByDescending(s => s.Appearances).ThenBy(s => s.Partner)
            .ToList();
    }

    /// <summary>One partner's standing; a partner in no set is in 0 of them, p-value 1.</summary>
    public static PartnerSuspicion For(Guid partner, IReadOnlyList<Incident> incidents, int partners, SuspicionSettings settings)
    {
        var all = Assess(incidents, partners, settings);
        return all.FirstOrDefault(s => s.Partner == partner)
            ?? new PartnerSuspicion(partner, incidents.Count, 0, all.FirstOrDefault()?.ExpectedAppearances ?? Expected(incidents),
                0, all.FirstOrDefault()?.ExpectedScore ?? 0, 1, settings.FalseAlarmRate / Math.Max(1, Math.Max(partners, all.Count)), false);
    }

    private static double Expected(IReadOnlyList<Incident> incidents) =>
        incidents.Sum(i => i.Population == 0 ? 0 : (double)i.Suspects.Count / i.Population);

    private static WeightedIncident Weigh(Incident incident, SuspicionWeights weights)
    {
        if (incident.Population < Math.Max(1, incident.Suspects.Count))
            throw new DomainException("invalid-incident", $"Incident {incident.Name} has {incident.Suspects.Count} suspects but a population of {incident.Population}.");
        if (incident.Suspects.Select(s => s.Partner).Distinct().Count() != incident.Suspects.Count)
            throw new DomainException("invalid-incident", $"Incident {incident.Name} names a partner twice; give each its strongest holding once.");
        var population = (double)incident.Population;
        var levels = incident.Suspects
            .GroupBy(s => weights.Of(s.Holding))
            .Select(g => (Weight: g.Key, Chance: g.Count() / population))
            .ToArray();
        return new WeightedIncident(levels, levels.Length == 0 ? 0 : levels.Max(l => l.Weight),
            incident.Suspects.Count / population, levels.Sum(l => l.Weight * l.Chance));
    }

    private static void Check(SuspicionSettings settings)
    {
        if (settings.FalseAlarmRate is not (> 0 and < 1))
            throw new DomainException("invalid-setting", "The false-alarm rate must lie strictly between 0 and 1.");
        var w = settings.Weights;
        if (w.EntitledNotFetched < 1 || w.FetchedOther < 1 || w.FetchedPoc < 1 || w.Accused < 1)
            throw new DomainException("invalid-setting", "Holding weights are whole numbers of at least 1.");
    }
}
