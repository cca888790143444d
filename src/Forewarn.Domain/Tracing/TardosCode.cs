namespace Forewarn.Domain.Tracing;

/// <summary>
/// A binary Tardos fingerprinting code, scored symmetrically (Tardos 2003, "Optimal probabilistic
/// fingerprint codes"; Škorić, Katzenbeisser and Celik 2008, "Symmetric Tardos fingerprinting
/// codes for arbitrary alphabet sizes"). Each mark site i of an artifact has a secret bias
/// p_i = sin²(r_i), r_i uniform in [t', π/2 − t'] with t' = arcsin(√t) and cutoff t = 1/(300·c₀);
/// a recipient's copy takes variant 1 at site i with probability p_i. Nothing is stored per copy:
/// the biases come from (secret, artifact), each codeword from (secret, artifact, recipient).
/// </summary>
public sealed class TardosCode
{
    private TardosCode(double[] biases, double cutoff)
    {
        Biases = biases;
        Cutoff = cutoff;
    }

    /// <summary>The bias of each mark site, in (0, 1).</summary>
    public IReadOnlyList<double> Biases { get; }

    /// <summary>The cutoff t: no bias lies below t or above 1 − t.</summary>
    public double Cutoff { get; }

    public int Length => Biases.Count;

    /// <summary>
    /// The code of an artifact with <paramref name="sites"/> mark sites, designed against as many
    /// colluders as that many sites can resist (at least one). Depends only on the secret, the
    /// artifact and the number of sites, so a copy can be regenerated at any time.
    /// </summary>
    public static TardosCode ForArtifact(ReadOnlySpan<byte> secret, string artifact, int sites) =>
        ForArtifact(secret, artifact, sites, DesignColluders(sites));

    /// <summary>The collusion size a code of <paramref name="sites"/> marks is designed against.</summary>
    public static int DesignColluders(int sites) =>
        Math.Max(1, AccusationThreshold.ColludersResisted(sites, population: 1000, epsilon: 1e-6));

    /// <summary>The code of an artifact with <paramref name="sites"/> mark sites, designed against <paramref name="designColluders"/>.</summary>
    public static TardosCode ForArtifact(ReadOnlySpan<byte> secret, string artifact, int sites, int designColluders)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sites);
        ArgumentOutOfRangeException.ThrowIfLessThan(designColluders, 1);
        var cutoff = 1.0 / (300.0 * designColluders);
        var low = Math.Asin(Math.Sqrt(cutoff));
        var stream = new SecretStream(secret, $"forewarn/tardos/bias/v1/{artifact}");
        var biases = new double[sites];
        for (var i = 0; i < sites; i++)
        {
            var r = low + stream.NextDouble() * (Math.PI / 2 - 2 * low);
            biases[i] = Math.Sin(r) * Math.Sin(r);
        }
        return new TardosCode(biases, cutoff);
    }

    /// <summary>The recipient's codeword: variant (0 or 1) per mark site, the same every time.</summary>
    public byte[] CodewordOf(ReadOnlySpan<byte> secret, string artifact, string recipient)
    {
        var stream = new SecretStream(secret, $"forewarn/tardos/codeword/v1/{artifact}/{recipient}");
        var word = new byte[Length];
        for (var i = 0; i < word.Length; i++) word[i] = stream.NextDouble() < Biases[i] ? (byte)1 : (byte)0;
        return word;
    }

    /// <summary>
    /// The symmetric score of a codeword against the marks read from a copy (null: the site was
    /// not found or not readable — it counts for nothing). For an innocent recipient each read
    /// site adds a value of mean 0 and variance 1, independent of the others.
    /// </summary>
    public double Score(IReadOnlyList<byte> codeword, IReadOnlyList<byte?> read)
    {
        var score = 0.0;
        for (var i = 0; i < Length; i++)
        {
            if (read[i] is not { } y) continue;
            var p = Biases[i];
            var agree = codeword[i] == y;
            var weight = y == 1 ? Math.Sqrt((1 - p) / p) : Math.Sqrt(p / (1 - p));
            var against = y == 1 ? Math.Sqrt(p / (1 - p)) : Math.Sqrt((1 - p) / p);
            score += agree ? weight : -against;
        }
        return score;
    }
}
