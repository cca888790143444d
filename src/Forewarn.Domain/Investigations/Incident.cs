namespace Forewarn.Domain.Investigations;

/// <summary>A partner in an incident's suspect set, with how strongly it held the detail.</summary>
/// <param name="Partner">The partner's id.</param>
/// <param name="Holding">Its strongest holding before the moment of exploitation.</param>
public sealed record Suspect(Guid Partner, Holding Holding);

/// <summary>
/// One incident: exploitation (or a found copy) of one advisory's detail, with the partners who
/// held it before that moment.
/// </summary>
/// <param name="Name">What people call it, e.g. a case reference.</param>
/// <param name="Population">How many partners the programme had then — the ones that could have
/// been in the set. At least the set's size.</param>
/// <param name="Suspects">The suspect set; a partner at most once (its strongest holding).</param>
public sealed record Incident(string Name, int Population, IReadOnlyList<Suspect> Suspects);
