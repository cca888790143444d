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
/// classes by kind (the part of the class before ':', or the site's kind). A site counts as read
/// evidence of uniformity only when its two forms differ.
/// <list type="bullet">
/// <item>A class with at least <see cref="ClassSites"/> read sites all showing the same form is unread.</item>
/// <item>A kind whose classes with two or more read sites are all uniform, and together carry at least
/// <see cref="KindRedundancy"/> reads beyond the first of each class (Σ (nᵢ − 1)), is unread whole —
/// its single-site classes too: that is what "each synonym pair set to one form" looks like.</item>
/// </list>
/// In an honest copy each read is its own unbiased bit (all biases 1/2 up to 1,029 sites), so a
/// class of n read sites is uniform by chance with probability 2^−(n−1) and a kind passes the second
/// test with probability 2^−Σ(nᵢ−1): either way at most 1/8. Sites whose class holds only themselves
/// (list order, author templates) are never judged alone, and a kind of such classes never.
/// </para>
/// </summary>
public static class UnreadClasses
{
    /// <summary>Read sites of one class, all in the same form, from which the class counts as normalised.</summary>
    public const int ClassSites = 4;

    /// <summary>Reads beyond the first of each uniform class of a kind, from which the kind counts as normalised.</summary>
    public const int KindRedundancy = 3;

    /// <summary>The reads with the sites of normalised classes set to null (the same list when none is).</summary>
    public static IReadOnlyList<byte?> Apply(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> read)
    {
        var decision = Decide(sites, read);
        if (decision.Sites.Count == 0) return read;
        var kept = read.ToArray();
        foreach (var i in decision.Sites) kept[i] = null;
        return kept;
    }

    /// <summary>Which classes and kinds a leak shows normalised, and the read sites they set aside.</summary>
    public static UnreadDecision Decide(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> read)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(read);
        if (sites.Count != read.Count) throw new ArgumentException($"{read.Count} reads for {sites.Count} sites.", nameof(read));

        var classes = new Dictionary<string, ClassReads>(StringComparer.Ordinal);
        for (var i = 0; i < sites.Count; i++)
        {
            if (read[i] is not { } variant) continue;
            var site = sites[i];
            if (!classes.TryGetValue(site.Class, out var reads)) classes[site.Class] = reads = new ClassReads(KindOf(site));
            reads.Read.Add(i);
            // A site whose two forms look alike says nothing about uniformity either way.
            if (string.Equals(site.Form0, site.Form1, StringComparison.OrdinalIgnoreCase)) continue;
            reads.Forms.Add(site.FormOf(variant).ToLowerInvariant());
            reads.Evidence++;
        }

        var unreadClasses = classes.Where(c => c.Value.Uniform && c.Value.Evidence >= ClassSites).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var unreadKinds = classes.Values.GroupBy(c => c.Kind, StringComparer.Ordinal)
            .Where(kind =>
            {
                var judged = kind.Where(c => c.Evidence >= 2).ToList();
                return judged.Count > 0 && judged.All(c => c.Uniform) && judged.Sum(c => c.Evidence - 1) >= KindRedundancy;
            })
            .Select(kind => kind.Key).ToHashSet(StringComparer.Ordinal);

        var setAside = classes.Where(c => unreadClasses.Contains(c.Key) || unreadKinds.Contains(c.Value.Kind))
            .SelectMany(c => c.Value.Read).Order().ToArray();
        return new UnreadDecision(unreadClasses.Order(StringComparer.Ordinal).ToArray(), unreadKinds.Order(StringComparer.Ordinal).ToArray(), setAside);
    }

    /// <summary>The kind a class belongs to: the part of the class before ':', or the site's kind.</summary>
    public static string KindOf(MarkSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var colon = site.Class.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? site.Class[..colon] : site.Kind;
    }

    private sealed class ClassReads(string kind)
    {
        public string Kind { get; } = kind;
        public List<int> Read { get; } = [];
        public HashSet<string> Forms { get; } = new(StringComparer.Ordinal);
        public int Evidence { get; set; }
        public bool Uniform => Forms.Count == 1;
    }
}

/// <summary>
/// What <see cref="UnreadClasses.Decide"/> found in a leak: the classes and the kinds normalised
/// as a whole, and the read sites (indexes into the artifact's sites) set aside for them.
/// </summary>
public sealed record UnreadDecision(IReadOnlyList<string> Classes, IReadOnlyList<string> Kinds, IReadOnlyList<int> Sites);
