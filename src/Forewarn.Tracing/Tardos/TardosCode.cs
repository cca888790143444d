using System.Collections.Concurrent;

namespace Forewarn.Tracing.Tardos;

/// <summary>
/// A binary Tardos fingerprinting code (Tardos 2003, "Optimal probabilistic fingerprint codes"),
/// scored symmetrically (Škorić, Katzenbeisser and Celik 2008, "Symmetric Tardos fingerprinting
/// codes for arbitrary alphabet sizes"), with a discrete bias distribution chosen for the design
/// collusion size (<see cref="BiasDistribution"/>: p = 1/2 for c₀ ≤ 2, after Nuida et al. 2009).
/// Each mark site i of an artifact has a secret bias p_i drawn from that distribution; a
/// recipient's copy takes variant 1 at site i with probability p_i. Nothing is stored per copy:
/// the biases come from (secret, artifact), each codeword from (secret, artifact, recipient)
/// (<see cref="CodewordSource"/>).
/// </summary>
public sealed class TardosCode
{
    private const int DesignPopulation = 1000;
    private const double DesignEpsilon = 1e-6;

    private readonly ushort[] levels;

    private TardosCode(ushort[] levels, BiasDistribution distribution)
    {
        this.levels = levels;
        Distribution = distribution;
        Biases = [.. levels.Select(l => l / 65536.0)];
    }

    /// <summary>The bias of each mark site, in (0, 1): exactly <see cref="Levels"/>·2⁻¹⁶.</summary>
    public IReadOnlyList<double> Biases { get; }

    /// <summary>The bias of each mark site as a multiple of 2⁻¹⁶ (the value codewords are drawn with).</summary>
    public IReadOnlyList<ushort> Levels => levels;

    /// <summary>The distribution the biases were drawn from.</summary>
    public BiasDistribution Distribution { get; }

    /// <summary>The collusion size the code is designed against.</summary>
    public int DesignCollusion => Distribution.Design;

    /// <summary>The cutoff t: no bias lies below t or above 1 − t (the distribution's smallest bias).</summary>
    public double Cutoff => Distribution.Bias(0);

    public int Length => levels.Length;

    /// <summary>
    /// The code of an artifact with <paramref name="sites"/> mark sites, designed against
    /// <see cref="DesignColluders"/>(<paramref name="sites"/>). Depends only on the secret, the
    /// artifact and the number of sites, so a copy can be regenerated at any time.
    /// </summary>
    public static TardosCode ForArtifact(ReadOnlySpan<byte> secret, string artifact, int sites) =>
        ForArtifact(secret, artifact, sites, DesignColluders(sites));

    /// <summary>
    /// The collusion size a code of <paramref name="sites"/> marks is designed against: the largest
    /// c whose length rule (<see cref="AccusationThreshold.SitesNeeded"/>, 1,000 recipients,
    /// ε = 10⁻⁶) fits twice into the sites, at least 1. Twice, because at the rule's length the
    /// average colluder only just reaches the threshold; at twice it clears it with margin. So
    /// 500 sites are designed against 2 colluders (p = 1/2), 1,500 against 3.
    /// </summary>
    public static int DesignColluders(int sites)
    {
        var c = 1;
        while (c < BiasDistribution.MaxDesign && 2L * NeededForDesign(c + 1) <= sites) c++;
        return c;
    }

    private static readonly ConcurrentDictionary<int, int> DesignLengths = new();

    private static int NeededForDesign(int c) =>
        DesignLengths.GetOrAdd(c, x => AccusationThreshold.SitesNeeded(x, DesignPopulation, DesignEpsilon));

    /// <summary>The code of an artifact with <paramref name="sites"/> mark sites, designed against <paramref name="designColluders"/>.</summary>
    public static TardosCode ForArtifact(ReadOnlySpan<byte> secret, string artifact, int sites, int designColluders)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sites);
        ArgumentOutOfRangeException.ThrowIfLessThan(designColluders, 1);
        var distribution = BiasDistribution.For(designColluders);
        var stream = new SecretStream(secret, $"forewarn/tardos/bias/v2/{artifact}");
        var levels = new ushort[sites];
        for (var i = 0; i < sites; i++)
        {
            var u = stream.NextDouble();
            var node = 0;
            var cumulative = distribution.Weights[0];
            while (node < distribution.Levels.Count - 1 && u >= cumulative) cumulative += distribution.Weights[++node];
            levels[i] = distribution.Levels[node];
        }
        return new TardosCode(levels, distribution);
    }

    /// <summary>The generator of this artifact's codewords under the programme secret.</summary>
    public CodewordSource Source(ReadOnlySpan<byte> secret, string artifact) => new(secret, artifact, levels);

    /// <summary>The recipient's codeword: variant (0 or 1) per mark site, the same every time.</summary>
    public byte[] CodewordOf(ReadOnlySpan<byte> secret, string artifact, string recipient)
    {
        var source = Source(secret, artifact);
        var bits = new ulong[source.Words];
        source.Bits(recipient, bits, source.NewScratch());
        var word = new byte[Length];
        for (var i = 0; i < word.Length; i++) word[i] = (byte)((bits[i >> 6] >> (i & 63)) & 1);
        return word;
    }

    /// <summary>
    /// The symmetric score of a codeword against the marks read from a copy (null: the site was
    /// not found or not readable — it counts for nothing). For an innocent recipient each read
    /// site adds a value of mean 0 and variance 1, independent of the others.
    /// </summary>
    public double Score(IReadOnlyList<byte> codeword, IReadOnlyList<byte?> read)
    {
        ArgumentNullException.ThrowIfNull(codeword);
        if (codeword.Count != Length) throw new ArgumentException($"A codeword of {codeword.Count} sites for a code of {Length}.", nameof(codeword));
        var bits = new ulong[(Length + 63) / 64];
        for (var i = 0; i < Length; i++) if (codeword[i] == 1) bits[i >> 6] |= 1UL << (i & 63);
        return new ReadMarks(this, read).Score(bits);
    }

    /// <summary>
    /// Every recipient's score against the marks read, each codeword regenerated into a reused
    /// buffer (nothing kept per recipient): the same numbers as <see cref="Score"/> over
    /// <see cref="CodewordOf"/>, bit for bit. Spread over the machine's cores unless
    /// <paramref name="parallel"/> is false.
    /// </summary>
    public double[] ScoreAll(ReadOnlySpan<byte> secret, string artifact, IReadOnlyList<string> recipients, ReadMarks marks, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return ScoreAll(secret, artifact, recipients, [marks], parallel)[0];
    }

    /// <summary>
    /// Every recipient's score against each of several sets of marks read from one leak (a trace's
    /// tests), each codeword regenerated once: <c>result[t][j]</c> is recipient j's score on set t.
    /// </summary>
    public double[][] ScoreAll(ReadOnlySpan<byte> secret, string artifact, IReadOnlyList<string> recipients, IReadOnlyList<ReadMarks> marks, bool parallel = true)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(marks);
        var source = Source(secret, artifact);
        var scores = marks.Select(_ => new double[recipients.Count]).ToArray();
        void Range(int from, int to)
        {
            var scratch = source.NewScratch();
            var bits = new ulong[source.Words];
            for (var j = from; j < to; j++)
            {
                source.Bits(recipients[j], bits, scratch);
                for (var t = 0; t < marks.Count; t++) scores[t][j] = marks[t].Score(bits);
            }
        }
        var chunk = Math.Max(64, recipients.Count / (8 * Environment.ProcessorCount) + 1);
        if (!parallel || recipients.Count <= chunk) Range(0, recipients.Count);
        else Parallel.ForEach(Partitioner.Create(0, recipients.Count, chunk), r => Range(r.Item1, r.Item2));
        return scores;
    }

    /// <inheritdoc cref="ScoreAll(ReadOnlySpan{byte}, string, IReadOnlyList{string}, ReadMarks, bool)"/>
    public double[] ScoreAll(ReadOnlySpan<byte> secret, string artifact, IReadOnlyList<string> recipients, IReadOnlyList<byte?> read, bool parallel = true) =>
        ScoreAll(secret, artifact, recipients, new ReadMarks(this, read), parallel);
}
