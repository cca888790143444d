namespace Forewarn.Domain.Investigations;

/// <summary>
/// How strongly a partner held an incident's detail before the moment of exploitation — the
/// exposure analysis's groups, strongest last, and a trace that named the partner.
/// </summary>
public enum Holding
{
    /// <summary>Open to the partner before the moment, but not fetched.</summary>
    EntitledNotFetched,

    /// <summary>Fetched some of the advisory's detail, not the PoC.</summary>
    FetchedOther,

    /// <summary>Fetched the PoC.</summary>
    FetchedPoc,

    /// <summary>A trace of a found copy accused the partner.</summary>
    Accused,
}
