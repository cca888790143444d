using Forewarn.Tracing.Tardos;

namespace Forewarn.Tracing.Trace;

/// <summary>One recipient's score against a leaked copy.</summary>
public sealed record RecipientScore(string Recipient, double Score, bool Accused);

/// <summary>
/// What a trace found: the marks read, the threshold for ε over the whole population, the
/// accused (above it, highest first) and the near misses (the next highest, below it).
/// </summary>
public sealed record TraceResult(int Sites, int MarksRead, int Population, double Epsilon, double Threshold,
    IReadOnlyList<RecipientScore> Accused, IReadOnlyList<RecipientScore> NearMisses)
{
    public bool AnyoneAccused => Accused.Count > 0;
}

/// <summary>
/// Reads the marks of a leaked copy, regenerates every recipient's codeword from the programme
/// secret (nothing was stored per copy; <see cref="TardosCode.ScoreAll(ReadOnlySpan{byte}, string, IReadOnlyList{string}, ReadMarks, bool)"/>,
/// on all cores), scores each, and accuses only above the threshold that bounds the chance of
/// accusing anyone innocent by ε.
/// </summary>
public static class Tracer
{
    public const double DefaultEpsilon = 1e-6;

    public static TraceResult Trace(IMarkedArtifact artifact, TardosCode code, ReadOnlySpan<byte> secret, string artifactId,
        IReadOnlyCollection<string> recipients, string leaked, double epsilon = DefaultEpsilon, int nearMisses = 5)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(recipients);
        if (code.Length != artifact.Sites.Count)
            throw new ArgumentException($"The code has {code.Length} sites and the artifact {artifact.Sites.Count}.", nameof(code));
        var read = artifact.Read(leaked);
        var marks = new ReadMarks(code, read);
        var names = recipients.ToArray();
        var population = Math.Max(1, names.Length);
        var threshold = AccusationThreshold.For(marks, population, epsilon);
        var all = code.ScoreAll(secret, artifactId, names, marks);
        // Only the accused and the near misses are sorted: a population may hold 100,000 names.
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
        var accused = accusedAt.Select(At).ToList();
        var near = nearAt.Select(At).ToList();
        return new TraceResult(code.Length, marks.Count, population, epsilon, threshold, accused, near);
    }
}
