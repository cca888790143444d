namespace Forewarn.Tracing.Trace;

/// <summary>
/// Decides, from the leak alone and before any score is computed, which read sites count as
/// unread because a normaliser made their whole variant class uniform (every British spelling
/// made American, every contraction expanded, each synonym pair set to one of its forms).
/// Such sites show the normaliser's choice, not the recipient's: as evidence they only dilute.
/// Deciding from the leak alone keeps the accusation bound: an innocent's codeword is independent
/// of the leak, so of any choice made from it, and the bound holds for any set of marks read.
/// <para>
/// The rule (docs/tracing.md, "The careful leaker"). Sites are grouped by <see cref="MarkSite.Class"/>,
/// classes by kind (the part of the class before ':', or the site's kind); a site is evidence of
/// uniformity only when its two forms differ. A class read n ≥ 2 times is uniform when every read
/// shows the same form, and carries n − 1 redundant reads; a kind is uniform when each of its
/// classes read twice or more is, and carries their redundant reads together. In an honest copy
/// every read is its own unbiased bit, so a unit with r redundant reads is uniform by chance with
/// probability 2^−r, independently of the others. The leak is taken as normalised when the
/// redundant reads of its uniform units are more than chance gives with probability
/// <see cref="FalseAlarm"/> — an exact tail over the units the leak has — and then every uniform
/// unit is set aside: first kinds (a kind whole, its classes read once too: "each synonym pair set
/// to one form"), then, among the rest, classes (a normaliser that took some classes of a kind).
/// A site whose class is its own (list order, an author's template) is never judged, nor a kind
/// made only of such classes.
/// </para>
/// </summary>
public static class UnreadClasses
{
    /// <summary>
    /// The chance that an honest copy (unbiased bits) is taken for normalised, per test — one for
    /// kinds, one for classes — so that an untouched copy keeps all its marks but about once in 2,000.
    /// </summary>
    public const double FalseAlarm = 1.0 / 4096;

    /// <summary>The reads with the sites of normalised classes set to null (the same list when none is).</summary>
    public static IReadOnlyList<byte?> Apply(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> read)
    {
        var decision = Decide(sites, read);
        if (decision.Sites.Count == 0) return read;
        var kept = read.ToArray();
        foreach (var i in decision.Sites) kept[i] = null;
        return kept;
    }

    /// <summary>Which kinds and classes a leak shows normalised, and the read sites they set aside.</summary>
    public static UnreadDecision Decide(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> read, double falseAlarm = FalseAlarm)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(read);
        if (sites.Count != read.Count) throw new ArgumentException($"{read.Count} reads for {sites.Count} sites.", nameof(read));

        var classes = new Dictionary<string, ClassReads>(StringComparer.Ordinal);
        for (var i = 0; i < sites.Count; i++)
        {
            if (read[i] is not { } variant) continue;
            var site = sites[i];
            if (!classes.TryGetValue(site.Class, out var reads)) classes[site.Class] = reads = new ClassReads(site.Class, KindOf(site));
            reads.Read.Add(i);
            // A site whose two forms look alike says nothing about uniformity either way.
            if (string.Equals(site.Form0, site.Form1, StringComparison.OrdinalIgnoreCase)) continue;
            reads.Forms.Add(site.FormOf(variant).ToLowerInvariant());
            reads.Evidence++;
        }

        var kinds = classes.Values.GroupBy(c => c.Kind, StringComparer.Ordinal)
            .Select(k => new Unit(k.Key, k.Where(c => c.Evidence >= 2).Sum(c => c.Evidence - 1), k.Where(c => c.Evidence >= 2).All(c => c.Uniform)))
            .Where(u => u.Redundant > 0).ToList();
        var unreadKinds = TooUniform(kinds, falseAlarm) ? kinds.Where(u => u.Uniform).Select(u => u.Name).ToHashSet(StringComparer.Ordinal) : [];

        var rest = classes.Values.Where(c => c.Evidence >= 2 && !unreadKinds.Contains(c.Kind)).Select(c => new Unit(c.Name, c.Evidence - 1, c.Uniform)).ToList();
        var unreadClasses = TooUniform(rest, falseAlarm) ? rest.Where(u => u.Uniform).Select(u => u.Name).ToHashSet(StringComparer.Ordinal) : [];

        var setAside = classes.Values.Where(c => unreadKinds.Contains(c.Kind) || unreadClasses.Contains(c.Name)).SelectMany(c => c.Read).Order().ToArray();
        return new UnreadDecision([.. unreadKinds.Order(StringComparer.Ordinal)], [.. unreadClasses.Order(StringComparer.Ordinal)], setAside);
    }

    /// <summary>The kind a class belongs to: the part of the class before ':', or the site's kind.</summary>
    public static string KindOf(MarkSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var colon = site.Class.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? site.Class[..colon] : site.Kind;
    }

    /// <summary>
    /// Whether the uniform units' redundant reads, together, are at least what honest reads give
    /// with probability ≤ <paramref name="falseAlarm"/>: the exact tail of Σ rᵤ·Bᵤ, Bᵤ independent
    /// with P(Bᵤ = 1) = 2^−rᵤ, at the observed sum.
    /// </summary>
    internal static bool TooUniform(IReadOnlyList<Unit> units, double falseAlarm) =>
        units.Any(u => u.Uniform) && ChanceOfAtLeast(units, units.Where(u => u.Uniform).Sum(u => u.Redundant)) <= falseAlarm;

    /// <summary>P(Σ over units of rᵤ·Bᵤ ≥ <paramref name="observed"/>) for honest reads.</summary>
    internal static double ChanceOfAtLeast(IReadOnlyList<Unit> units, int observed)
    {
        var total = units.Sum(u => u.Redundant);
        var chance = new double[total + 1];
        chance[0] = 1;
        var reach = 0;
        foreach (var unit in units)
        {
            var uniform = Math.Pow(2, -unit.Redundant);
            for (var s = reach; s >= 0; s--)
            {
                if (chance[s] == 0) continue;
                chance[s + unit.Redundant] += chance[s] * uniform;
                chance[s] *= 1 - uniform;
            }
            reach += unit.Redundant;
        }
        var tail = 0.0;
        for (var s = Math.Max(0, observed); s <= total; s++) tail += chance[s];
        return tail;
    }

    /// <summary>A class or a kind as the test sees it: its redundant reads and whether they are uniform.</summary>
    internal readonly record struct Unit(string Name, int Redundant, bool Uniform);

    private sealed class ClassReads(string name, string kind)
    {
        public string Name { get; } = name;
        public string Kind { get; } = kind;
        public List<int> Read { get; } = [];
        public HashSet<string> Forms { get; } = new(StringComparer.Ordinal);
        public int Evidence { get; set; }
        public bool Uniform => Forms.Count == 1;
    }
}

/// <summary>
/// What <see cref="UnreadClasses.Decide"/> found in a leak: the kinds and the classes normalised
/// as a whole, and the read sites (indexes into the artifact's sites) set aside for them.
/// </summary>
public sealed record UnreadDecision(IReadOnlyList<string> Kinds, IReadOnlyList<string> Classes, IReadOnlyList<int> Sites);
