using Forewarn.Domain.Tracing;

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
/// secret (nothing was stored per copy), scores each, and accuses only above the threshold that
/// bounds the chance of accusing anyone innocent by ε.
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
        var marks = read.Count(r => r is not null);
        var population = Math.Max(1, recipients.Count);
        var threshold = AccusationThreshold.For(code, read, population, epsilon);
        var scores = new List<RecipientScore>();
        foreach (var recipient in recipients)
        {
            var score = code.Score(code.CodewordOf(secret, artifactId, recipient), read);
            scores.Add(new RecipientScore(recipient, score, score > threshold));
        }
        var ordered = scores.OrderByDescending(s => s.Score).ThenBy(s => s.Recipient, StringComparer.Ordinal).ToList();
        return new TraceResult(code.Length, marks, population, epsilon, threshold,
            [.. ordered.Where(s => s.Accused)], [.. ordered.Where(s => !s.Accused).Take(nearMisses)]);
    }
}
