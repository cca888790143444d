using Forewarn.Tracing.Tardos;

namespace Forewarn.Tracing.Trace;

/// <summary>
/// One recipient's score against a leaked copy; with a second test (<see cref="TraceResult.Unreached"/>),
/// also its score over the marks no normaliser reaches.
/// </summary>
public sealed record RecipientScore(string Recipient, double Score, bool Accused)
{
    public double? UnreachedScore { get; init; }
}

/// <summary>
/// The second test of a trace: the marks read at sites no normaliser reaches, and its threshold.
/// Run when the leak reads such marks and others too; each test then bounds the chance of naming
/// anyone innocent by ε/2, so both together by ε.
/// </summary>
public sealed record UnreachedTest(int MarksRead, double Threshold);

/// <summary>
/// What a trace found: the marks read, the threshold for ε over the whole population, the
/// accused (above it, highest first) and the near misses (the next highest, below it), and what
/// each artifact contributed.
/// </summary>
public sealed record TraceResult(int Sites, int MarksRead, int Population, double Epsilon, double Threshold,
    IReadOnlyList<RecipientScore> Accused, IReadOnlyList<RecipientScore> NearMisses)
{
    public bool AnyoneAccused => Accused.Count > 0;

    /// <summary>Per artifact traced: sites and marks read.</summary>
    public IReadOnlyList<ArtifactReading> Readings { get; init; } = [];

    /// <summary>The second test over the marks no normaliser reaches, when it ran; then <see cref="Threshold"/> is the first test's at ε/2.</summary>
    public UnreachedTest? Unreached { get; init; }

    /// <summary>Marks found in the leak but set aside, unscored, because a normaliser made their whole class uniform.</summary>
    public int SetAside => Readings.Sum(r => r.SetAside);
}

/// <summary>
/// Reads the marks of a leaked copy, regenerates every recipient's codeword from the programme
/// secret (nothing was stored per copy; <see cref="TardosCode.ScoreAll(ReadOnlySpan{byte}, string, IReadOnlyList{string}, ReadMarks, bool)"/>,
/// on all cores), scores each, and accuses only above the threshold that bounds the chance of
/// accusing anyone innocent by ε. Given several artifacts (an advisory's), the leak is read
/// against each and a recipient's score is the sum over all of them — one longer code.
/// </summary>
public static class Tracer
{
    public const double DefaultEpsilon = 1e-6;

    /// <summary>
    /// The share of ε held by the first test (every mark read) when the second (the marks no
    /// normaliser reaches) runs too; the second holds the rest, so both together hold ε.
    /// </summary>
    public const double FirstTestShare = 0.5;

    public static TraceResult Trace(IMarkedArtifact artifact, TardosCode code, ReadOnlySpan<byte> secret, string artifactId,
        IReadOnlyCollection<string> recipients, string leaked, double epsilon = DefaultEpsilon, int nearMisses = 5)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(code);
        return Trace([new CodedArtifact(artifactId, artifact, code)], secret, recipients, leaked, epsilon, nearMisses);
    }

    /// <summary>Traces a leak that may hold parts of any of <paramref name="artifacts"/> (one advisory's), without saying which.</summary>
    public static TraceResult Trace(IReadOnlyList<CodedArtifact> artifacts, ReadOnlySpan<byte> secret,
        IReadOnlyCollection<string> recipients, string leaked, double epsilon = DefaultEpsilon, int nearMisses = 5)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(leaked);
        var reads = artifacts.Select(a => a.Marks.Read(leaked)).ToArray();
        return Score(artifacts, reads, secret, recipients, epsilon, nearMisses);
    }

    /// <summary>
    /// Scores marks already read (one list per artifact, in its site order) — what a simulation
    /// that attacks the marks themselves uses. Normalised classes are set aside first
    /// (<see cref="UnreadClasses"/>), from the reads alone.
    /// </summary>
    public static TraceResult Score(IReadOnlyList<CodedArtifact> artifacts, IReadOnlyList<IReadOnlyList<byte?>> reads, ReadOnlySpan<byte> secret,
        IReadOnlyCollection<string> recipients, double epsilon = DefaultEpsilon, int nearMisses = 5)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(recipients);
        if (artifacts.Count == 0) throw new ArgumentException("Nothing to trace against.", nameof(artifacts));
        if (reads.Count != artifacts.Count) throw new ArgumentException($"{reads.Count} reads for {artifacts.Count} artifacts.", nameof(reads));
        var names = recipients.ToArray();
        var population = Math.Max(1, names.Length);
        foreach (var a in artifacts)
        {
            if (a.Code.Length != a.Sites)
                throw new ArgumentException($"The code of {a.Key} has {a.Code.Length} sites and the artifact {a.Sites}.", nameof(artifacts));
        }
        // One decision for the whole leak: a normaliser acts on all of it.
        var kept = UnreadClasses.Apply([.. artifacts.Select((a, k) => new ArtifactReads(a.Marks.Sites, reads[k]))]);
        var marks = new ReadMarks[artifacts.Count];
        var unreached = new ReadMarks[artifacts.Count];
        var readings = new ArtifactReading[artifacts.Count];
        for (var k = 0; k < artifacts.Count; k++)
        {
            marks[k] = new ReadMarks(artifacts[k].Code, kept[k]);
            unreached[k] = new ReadMarks(artifacts[k].Code, Unreached(artifacts[k].Marks.Sites, kept[k]));
            readings[k] = new ArtifactReading(artifacts[k].Key, artifacts[k].Sites, marks[k].Count, reads[k].Count(r => r is not null) - marks[k].Count);
        }
        // The second test runs only when it looks at other marks than the first (decided from the
        // leak alone, before any score): then each test is held to ε/2, a union bound over the two.
        var read = marks.Sum(m => m.Count);
        var unreachedRead = unreached.Sum(m => m.Count);
        var twoTests = unreachedRead > 0 && unreachedRead < read;
        var share = twoTests ? epsilon * FirstTestShare : epsilon;

        var all = new double[names.Length];
        var focused = new double[names.Length];
        for (var k = 0; k < artifacts.Count; k++)
        {
            if (marks[k].Count == 0) continue;
            var a = artifacts[k];
            var scores = a.Code.ScoreAll(secret, a.Key, names, twoTests ? [marks[k], unreached[k]] : [marks[k]]);
            for (var j = 0; j < all.Length; j++) all[j] += scores[0][j];
            if (!twoTests) continue;
            for (var j = 0; j < all.Length; j++) focused[j] += scores[1][j];
        }
        var threshold = AccusationThreshold.For(marks, population, share);
        var second = twoTests ? new UnreachedTest(unreachedRead, AccusationThreshold.For(unreached, population, epsilon - share)) : null;
        bool IsAccused(int j) => all[j] > threshold || (second is not null && focused[j] > second.Threshold);
        var (accused, near) = Rank(names, all, IsAccused, nearMisses, j => new RecipientScore(names[j], all[j], IsAccused(j))
        {
            UnreachedScore = second is null ? null : focused[j],
        });
        return new TraceResult(artifacts.Sum(a => a.Sites), read, population, epsilon, threshold, accused, near)
        {
            Readings = readings,
            Unreached = second,
        };
    }

    /// <summary>
    /// The reads at the sites no normaliser reaches (<see cref="UnreadClasses.ReachOf"/> is null for
    /// their kind: order, the author's templates, names in code): what a leaker who re-picks every
    /// marked word at random, or reformats every literal, leaves as the recipient's own.
    /// </summary>
    public static IReadOnlyList<byte?> Unreached(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> read)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(read);
        return [.. read.Select((r, i) => r is not null && UnreadClasses.ReachOf(UnreadClasses.KindOf(sites[i])) is null ? r : null)];
    }

    // Only the accused and the near misses are sorted: a population may hold 100,000 names.
    private static (List<RecipientScore> Accused, List<RecipientScore> Near) Rank(string[] names, double[] all, Func<int, bool> isAccused, int nearMisses,
        Func<int, RecipientScore> scoreOf)
    {
        var byScore = Comparer<int>.Create((a, b) => all[b] != all[a] ? all[b].CompareTo(all[a]) : StringComparer.Ordinal.Compare(names[a], names[b]));
        var accusedAt = new List<int>();
        var nearAt = new List<int>(nearMisses + 1);
        for (var j = 0; j < names.Length; j++)
        {
            if (isAccused(j)) { accusedAt.Add(j); continue; }
            if (nearMisses <= 0 || (nearAt.Count == nearMisses && byScore.Compare(j, nearAt[^1]) >= 0)) continue;
            var at = nearAt.BinarySearch(j, byScore);
            nearAt.Insert(at < 0 ? ~at : at, j);
            if (nearAt.Count > nearMisses) nearAt.RemoveAt(nearAt.Count - 1);
        }
        accusedAt.Sort(byScore);
        return ([.. accusedAt.Select(scoreOf)], [.. nearAt.Select(scoreOf)]);
    }
}
