namespace Forewarn.Domain.Investigations;

/// <summary>
/// The weight of each <see cref="Holding"/> in a partner's score. Whole numbers, so that the
/// score's distribution under chance is exact (a sum of small integers) rather than approximated.
/// </summary>
/// <param name="EntitledNotFetched">Weight of a partner that could have fetched but did not.</param>
/// <param name="FetchedOther">Weight of a partner that fetched detail other than the PoC.</param>
/// <param name="FetchedPoc">Weight of a partner that fetched the PoC.</param>
/// <param name="Accused">Weight of a partner a trace accused: strong evidence on its own.</param>
public sealed record SuspicionWeights(int EntitledNotFetched, int FetchedOther, int FetchedPoc, int Accused)
{
    /// <summary>1, 2, 4 and 16: each step of holding doubles the weight; an accusation outweighs any fetch by far.</summary>
    public static SuspicionWeights Default { get; } = new(1, 2, 4, 16);

    /// <summary>The weight of one holding.</summary>
    public int Of(Holding holding) => holding switch
    {
        Holding.EntitledNotFetched => EntitledNotFetched,
        Holding.FetchedOther => FetchedOther,
        Holding.FetchedPoc => FetchedPoc,
        Holding.Accused => Accused,
        _ => throw new ArgumentOutOfRangeException(nameof(holding), holding, "Unknown holding."),
    };
}
