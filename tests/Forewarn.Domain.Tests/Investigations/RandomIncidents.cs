using Forewarn.Domain.Investigations;

namespace Forewarn.Domain.Tests.Investigations;

/// <summary>Programmes of incidents drawn at random: sets of random partners with random holdings, nobody leaking on purpose.</summary>
internal static class RandomIncidents
{
    public static Guid[] Partners(int count) =>
        Enumerable.Range(0, count).Select(i => new Guid(i + 1, 0, 0, new byte[8])).ToArray();

    /// <summary>A holding drawn as investigations see them: mostly entitled, some fetches, rarely an accusation.</summary>
    public static Holding AnyHolding(Random random) => random.Next(20) switch
    {
        < 10 => Holding.EntitledNotFetched,
        < 15 => Holding.FetchedOther,
        < 19 => Holding.FetchedPoc,
        _ => Holding.Accused,
    };

    /// <summary>One incident whose set is <paramref name="size"/> partners drawn uniformly, plus <paramref name="planted"/> if given.</summary>
    public static Incident Draw(Random random, Guid[] partners, int size, string name, Suspect? planted = null)
    {
        var chosen = partners.Where(p => p != planted?.Partner).OrderBy(_ => random.Next()).Take(size - (planted is null ? 0 : 1));
        var suspects = chosen.Select(p => new Suspect(p, AnyHolding(random))).ToList();
        if (planted is not null) suspects.Add(planted);
        return new Incident(name, partners.Length, suspects);
    }

    /// <summary><paramref name="count"/> incidents with set sizes from 1 to <paramref name="largest"/>.</summary>
    public static List<Incident> Programme(Random random, Guid[] partners, int count, int largest) =>
        Enumerable.Range(0, count).Select(i => Draw(random, partners, random.Next(1, largest + 1), $"incident {i}")).ToList();
}
