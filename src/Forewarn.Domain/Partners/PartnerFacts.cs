using Forewarn.Domain.Advisories;

namespace Forewarn.Domain.Partners;

/// <summary>
/// What the policy reads about a partner: kept with a valid-from time whenever it changes, so a
/// decision at a past moment reads the partner as it was then. The status has its own dated
/// history; <paramref name="StatusChanges"/> says how much of it was known (a change made in the
/// same instant as a decision, but after it, is not part of that decision).
/// </summary>
public sealed record PartnerFacts(
    string Tier,
    string Headquarters,
    IReadOnlyList<string> Jurisdictions,
    IReadOnlyList<ContentClass> Restrictions,
    Contract Contract,
    int StatusChanges);
