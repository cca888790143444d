namespace Forewarn.Domain.Jurisdictions;

/// <summary>What the policy reads about a jurisdiction: the facts about its law, kept with a valid-from time whenever they change.</summary>
public sealed record JurisdictionFacts(string Name, IReadOnlyList<string> Facts);
