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
/// made only of such classes. A leak read against several artifacts is judged as one: each
/// artifact's kinds and classes are units of the same test.
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
    public static IReadOnlyList<byte?> Apply(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> read) => Apply([new ArtifactReads(sites, read)])[0];

    /// <summary>
    /// The same for a leak read against several artifacts (an advisory's), judged together: a
    /// normaliser acts on the whole leak, so every artifact's kinds are units of one test.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<byte?>> Apply(IReadOnlyList<ArtifactReads> artifacts)
    {
        var decisions = Decide(artifacts);
        return [.. artifacts.Select((a, k) =>
        {
            if (decisions[k].Sites.Count == 0) return a.Read;
            var kept = a.Read.ToArray();
            foreach (var i in decisions[k].Sites) kept[i] = null;
            return (IReadOnlyList<byte?>)kept;
        })];
    }

    /// <summary>Which kinds and classes a leak shows normalised, and the read sites they set aside.</summary>
    public static UnreadDecision Decide(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> read, double falseAlarm = FalseAlarm) =>
        Decide([new ArtifactReads(sites, read)], falseAlarm)[0];

    /// <summary>
    /// The decision for each artifact of a leak. Units are an artifact's kinds and classes (never
    /// merged across artifacts: a class that is a site's own stays its own); the test runs over
    /// all of them at once, so the more of an advisory a normaliser touched, the surer the call.
    /// </summary>
    public static IReadOnlyList<UnreadDecision> Decide(IReadOnlyList<ArtifactReads> artifacts, double falseAlarm = FalseAlarm)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var classes = new Dictionary<(int Artifact, string Class), ClassReads>();
        for (var k = 0; k < artifacts.Count; k++)
        {
            var (sites, read) = artifacts[k];
            ArgumentNullException.ThrowIfNull(sites);
            ArgumentNullException.ThrowIfNull(read);
            if (sites.Count != read.Count) throw new ArgumentException($"{read.Count} reads for {sites.Count} sites.", nameof(artifacts));
            for (var i = 0; i < sites.Count; i++)
            {
                if (read[i] is not { } variant) continue;
                var site = sites[i];
                if (!classes.TryGetValue((k, site.Class), out var reads)) classes[(k, site.Class)] = reads = new ClassReads(k, site.Class, KindOf(site));
                reads.Read.Add(i);
                // A site whose two forms look alike says nothing about uniformity either way.
                if (string.Equals(site.Form0, site.Form1, StringComparison.OrdinalIgnoreCase)) continue;
                reads.Forms.Add(site.FormOf(variant).ToLowerInvariant());
                reads.Evidence++;
            }
        }

        var kinds = classes.Values.GroupBy(c => (c.Artifact, c.Kind))
            .Select(k => new Unit(k.Key, k.Where(c => c.Evidence >= 2).Sum(c => c.Evidence - 1), k.Where(c => c.Evidence >= 2).All(c => c.Uniform)))
            .Where(u => u.Redundant > 0).ToList();
        var unreadKinds = TooUniform(kinds, falseAlarm) ? kinds.Where(u => u.Uniform).Select(u => u.Key).ToHashSet() : [];

        var rest = classes.Values.Where(c => c.Evidence >= 2 && !unreadKinds.Contains((c.Artifact, c.Kind)))
            .Select(c => new Unit((c.Artifact, c.Name), c.Evidence - 1, c.Uniform)).ToList();
        var unreadClasses = TooUniform(rest, falseAlarm) ? rest.Where(u => u.Uniform).Select(u => u.Key).ToHashSet() : [];

        return [.. artifacts.Select((_, k) =>
        {
            var mine = classes.Values.Where(c => c.Artifact == k).ToList();
            var normalised = mine.Where(c => unreadKinds.Contains((k, c.Kind)) || unreadClasses.Contains((k, c.Name))).ToList();
            // A normaliser that made one of a reach's kinds uniform went over them all: its classes
            // read once (a synonym pair seen a single time) carry no evidence of their own, yet were
            // rewritten too — set aside with the rest.
            var reaches = normalised.Select(c => ReachOf(c.Kind)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var setAside = mine.Where(c => normalised.Contains(c) || (ReachOf(c.Kind) is { } reach && reaches.Contains(reach)))
                .SelectMany(c => c.Read).Order().ToArray();
            return new UnreadDecision(
                [.. unreadKinds.Where(u => u.Artifact == k).Select(u => u.Name).Order(StringComparer.Ordinal)],
                [.. unreadClasses.Where(u => u.Artifact == k).Select(u => u.Name).Order(StringComparer.Ordinal)],
                setAside);
        })];
    }

    /// <summary>
    /// Kinds one normaliser reaches together: a text normaliser rewrites words (spellings,
    /// contractions, synonyms, abbreviations, counts, serial commas), a code formatter rewrites
    /// literals, quotes, comments and import order. Order and author templates are in no reach.
    /// </summary>
    private static readonly Dictionary<string, string> Reaches = new(StringComparer.Ordinal)
    {
        ["synonym"] = "words", ["contraction"] = "words", ["abbreviation"] = "words", ["spelling"] = "words", ["e-mail"] = "words",
        ["number"] = "words", ["serial comma"] = "words", ["example-comma"] = "words",
        ["quote-style"] = "format", ["integer-form"] = "format", ["import-order"] = "format", ["comment-word"] = "format",
    };

    /// <summary>The reach a kind belongs to, or null.</summary>
    public static string? ReachOf(string kind) => Reaches.GetValueOrDefault(kind);

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

    /// <summary>A class or a kind of one artifact as the test sees it: its redundant reads and whether they are uniform.</summary>
    internal readonly record struct Unit((int Artifact, string Name) Key, int Redundant, bool Uniform)
    {
        public Unit(string name, int redundant, bool uniform) : this((0, name), redundant, uniform)
        {
        }
    }

    private sealed class ClassReads(int artifact, string name, string kind)
    {
        public int Artifact { get; } = artifact;
        public string Name { get; } = name;
        public string Kind { get; } = kind;
        public List<int> Read { get; } = [];
        public HashSet<string> Forms { get; } = new(StringComparer.Ordinal);
        public int Evidence { get; set; }
        public bool Uniform => Forms.Count == 1;
    }
}

/// <summary>
/// What <see cref="UnreadClasses.Decide(IReadOnlyList{ArtifactReads}, double)"/> found in a leak for one artifact: the kinds and the classes normalised
/// as a whole, and the read sites (indexes into the artifact's sites) set aside for them.
/// </summary>
public sealed record UnreadDecision(IReadOnlyList<string> Kinds, IReadOnlyList<string> Classes, IReadOnlyList<int> Sites);

/// <summary>One artifact's sites and the variants read at them from a leak.</summary>
public sealed record ArtifactReads(IReadOnlyList<MarkSite> Sites, IReadOnlyList<byte?> Read);
