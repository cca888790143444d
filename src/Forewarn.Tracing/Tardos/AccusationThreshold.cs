namespace Forewarn.Tracing.Tardos;

/// <summary>
/// The score above which a recipient is accused, so that the chance of accusing anyone innocent
/// among <c>population</c> recipients is at most ε, whatever the colluders did (under the marking
/// assumption: they cannot read a variant none of them holds — and even a wrong read cannot harm
/// an innocent, whose codeword is independent of the copy). At each read site an innocent's
/// variant is 1 with the site's bias p, exactly (biases are multiples of 2⁻¹⁶ and codewords are
/// drawn against them), so its score is a sum of independent terms whose moment generating
/// function is known exactly — E[e^{αg}] = P(agree)·e^{α·a} + P(disagree)·e^{−α·d}. The Chernoff
/// bound P(S ≥ Z) ≤ e^{−αZ}·Π E[e^{αg}] holds for every α &gt; 0; the threshold is the least Z for
/// which the best α found brings it to ε/population (a union bound over recipients), plus a
/// relative 10⁻⁹ against rounding. It is a bound for the marks actually read, not an asymptotic
/// estimate (Tardos 2003 and Škorić et al. 2008 bound the same tail with cruder inequalities).
/// </summary>
public static class AccusationThreshold
{
    public static double For(TardosCode code, IReadOnlyList<byte?> read, int population, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(code);
        return For(new ReadMarks(code, read), population, epsilon);
    }

    /// <inheritdoc cref="For(TardosCode, IReadOnlyList{byte?}, int, double)"/>
    public static double For(ReadMarks marks, int population, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return For([marks], population, epsilon);
    }

    /// <summary>
    /// The threshold for marks read across several artifacts whose codewords are independent
    /// (each drawn under its own artifact key): an innocent's total score is the sum of independent
    /// terms over every read site of every artifact, so the moment generating functions multiply.
    /// </summary>
    public static double For(IReadOnlyList<ReadMarks> marks, int population, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        if (epsilon is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(epsilon), "ε lies strictly between 0 and 1.");
        if (marks.Sum(m => m.Count) == 0) return double.PositiveInfinity;
        var groups = marks.SelectMany(m => m.Groups).ToArray();
        var l = Math.Log(population / epsilon);
        double ZAt(double alpha)
        {
            var logMgf = 0.0;
            foreach (var g in groups) logMgf += g.Sites * Chernoff.LogMgf(g.AgreeChance, alpha * g.Agree, -alpha * g.Disagree);
            return (logMgf + l) / alpha;
        }
        var z = Chernoff.Minimise(ZAt, 1e-4, 20).Value;
        return z + 1e-9 * (Math.Abs(z) + 1);
    }

    /// <summary>
    /// How many colluders a code of <paramref name="sites"/> marks resists at ε among
    /// <paramref name="population"/> recipients by <see cref="SitesNeeded"/>: the largest such c
    /// (at most <see cref="BiasDistribution.MaxDesign"/>), or 0 when not even one.
    /// </summary>
    public static int ColludersResisted(int sites, int population, double epsilon)
    {
        var c = 0;
        while (c < BiasDistribution.MaxDesign && SitesNeeded(c + 1, population, epsilon) <= sites) c++;
        return c;
    }

    /// <summary>
    /// The length rule: the mark sites at which the colluders' guaranteed average score reaches
    /// the Chernoff threshold, for a code designed against <paramref name="colluders"/>. With μ the
    /// least expected score per colluder per site whatever they do
    /// (<see cref="BiasDistribution.GuaranteedScore"/>) and Λ* the Chernoff rate of an innocent's
    /// score (<see cref="BiasDistribution.ChernoffRate"/>), m = ⌈ln(population/ε) / Λ*(μ)⌉ — the
    /// argument of Tardos 2003 and Škorić et al. 2008 (the colluders' sum exceeds c·Z, so one of
    /// them exceeds Z) with the exact rate in place of a Gaussian or Bernstein estimate. For
    /// the arcsine distribution μ = 2/(πc) and the Gaussian estimate Λ* ≈ μ²/2 give the familiar
    /// m ≈ (π²/2)·c²·ln(population/ε). At this length the average colluder is caught about half the
    /// time; codes are designed with twice it (<see cref="TardosCode.DesignColluders"/>).
    /// </summary>
    public static int SitesNeeded(int colluders, int population, double epsilon)
    {
        if (colluders <= 0) return 0;
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        var distribution = BiasDistribution.For(colluders);
        var rate = distribution.ChernoffRate(distribution.GuaranteedScore(colluders));
        return (int)Math.Ceiling(Math.Log(population / epsilon) / rate);
    }

    /// <summary>
    /// The length rule for <paramref name="colluders"/> copies mixed passage by passage (each read
    /// mark taken from one colluder's copy, the one a passage came from) under a code with every
    /// bias 1/2, as prose and PoCs are designed below 1,030 sites: each colluder agrees with a read
    /// mark with chance 1/c + (1 − 1/c)/2, so expects 1/c per site, and
    /// m = ⌈ln(population/ε) / Λ*(1/c)⌉. Mixing is what colluders who do not know where the marks
    /// are can do; a coalition that finds the marks by comparing copies and votes with its minority
    /// is resisted only by <see cref="SitesNeeded"/> with a code designed against it.
    /// </summary>
    public static int SitesNeededMixing(int colluders, int population, double epsilon)
    {
        if (colluders <= 0) return 0;
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        var rate = BiasDistribution.For(1).ChernoffRate(1.0 / colluders);
        return (int)Math.Ceiling(Math.Log(population / epsilon) / rate);
    }

    /// <summary>How many colluders mixing their copies passage by passage <paramref name="sites"/> marks name (<see cref="SitesNeededMixing"/>).</summary>
    public static int ColludersResistedMixing(int sites, int population, double epsilon)
    {
        var c = 0;
        while (c < BiasDistribution.MaxDesign && SitesNeededMixing(c + 1, population, epsilon) <= sites) c++;
        return c;
    }
}
