using Forewarn.Tracing.Tardos;

namespace Forewarn.Tracing.Trace;

/// <summary>One recipient's score against a leaked copy.</summary>
public sealed record RecipientScore(string Recipient, double Score, bool Accused);

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
        var all = new double[names.Length];
        var marks = new ReadMarks[artifacts.Count];
        var readings = new ArtifactReading[artifacts.Count];
        foreach (var a in artifacts)
        {
            if (a.Code.Length != a.Sites)
                throw new ArgumentException($"The code of {a.Key} has {a.Code.Length} sites and the artifact {a.Sites}.", nameof(artifacts));
        }
        // One decision for the whole leak: a normaliser acts on all of it.
        var kept = UnreadClasses.Apply([.. artifacts.Select((a, k) => new ArtifactReads(a.Marks.Sites, reads[k]))]);
        for (var k = 0; k < artifacts.Count; k++)
        {
            var a = artifacts[k];
            marks[k] = new ReadMarks(a.Code, kept[k]);
            readings[k] = new ArtifactReading(a.Key, a.Sites, marks[k].Count, reads[k].Count(r => r is not null) - marks[k].Count);
            if (marks[k].Count == 0) continue;
            var scores = a.Code.ScoreAll(secret, a.Key, names, marks[k]);
            for (var j = 0; j < all.Length; j++) all[j] += scores[j];
        }
        var threshold = AccusationThreshold.For(marks, population, epsilon);
        var (accused, near) = Rank(names, all, threshold, nearMisses);
        return new TraceResult(artifacts.Sum(a => a.Sites), marks.Sum(m => m.Count), population, epsilon, threshold, accused, near)
        {
            Readings = readings,
        };
    }

    // Only the accused and the near misses are sorted: a population may hold 100,000 names.
    private static (List<RecipientScore> Accused, List<RecipientScore> Near) Rank(string[] names, double[] all, double threshold, int nearMisses)
    {
        RecipientScore At(int j) => new(names[j], all[j], all[j] > threshold);
        var byScore = Comparer<int>.Create((a, b) => all[b] != all[a] ? all[b].CompareTo(all[a]) : StringComparer.Ordinal.Compare(names[a], names[b]));
        var accusedAt = new List<int>();
        var nearAt = new List<int>(nearMisses + 1);
        for (var j = 0; j < names.Length; j++)
        {
            if (all[j] > threshold) { accusedAt.Add(j); continue; }
            if (nearMisses <= 0 || (nearAt.Count == nearMisses && byScore.Compare(j, nearAt[^1]) >= 0)) continue;
            var at = nearAt.BinarySearch(j, byScore);
            nearAt.Insert(at < 0 ? ~at : at, j);
            if (nearAt.Count > nearMisses) nearAt.RemoveAt(nearAt.Count - 1);
        }
        accusedAt.Sort(byScore);
        return ([.. accusedAt.Select(At)], [.. nearAt.Select(At)]);
    }
}
