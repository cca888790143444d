using Forewarn.Domain.Advisories;
using Forewarn.Server.Api.Contracts;
using Forewarn.Tracing.Tardos;

namespace Forewarn.Server.Tracing;

/// <summary>
/// What a prepared artifact's marks are worth: how many colluders its code resists at ε among the
/// partners who may receive it (the symmetric code's length rule), the marks two and three would
/// need, and a sentence for staff when it cannot name two colluders — the smallest coalition a
/// careful leaker would use.
/// </summary>
public static class CapacityEstimate
{
    /// <summary>The chance of accusing anyone innocent that traces are held to.</summary>
    public const double Epsilon = 1e-6;

    public static FingerprintDto Of(PreparedArtifact prepared, Artifact artifact, int recipients, string recipientsCounted, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(artifact);
        var sites = prepared.Sites;
        var population = Math.Max(recipients, 1);
        var resisted = AccusationThreshold.ColludersResisted(sites, population, Epsilon);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var site in prepared.Marks.Sites)
            kinds[site.Kind] = kinds.GetValueOrDefault(site.Kind) + 1;
        var needed2 = AccusationThreshold.SitesNeeded(2, population, Epsilon);
        return new FingerprintDto(artifact.Id.Value, artifact.Title, artifact.Class.Name(), prepared.Method.ToString().ToLowerInvariant(),
            sites, kinds, recipients, recipientsCounted, Epsilon, resisted, needed2, AccusationThreshold.SitesNeeded(3, population, Epsilon),
            resisted >= 2 ? null : Warning(artifact, prepared.Method, sites, recipients, resisted, AccusationThreshold.SitesNeeded(1, population, Epsilon), needed2))
        {
            MarkerVersion = artifact.MarkerVersion,
            MarksPer1000Words = prepared.Method == MarkingMethod.Text ? Per(sites, ArtifactSize.Words(content), 1000) : null,
            MarksPer100Lines = prepared.Method == MarkingMethod.Text ? null : Per(sites, ArtifactSize.Lines(content), 100),
        };
    }

    private static double Per(int sites, int units, int per) => units == 0 ? 0 : Math.Round(sites * (double)per / units, 1);

    /// <summary>Why an artifact is served as it is, the same bytes to every partner.</summary>
    public static string WhyUnmarked(Artifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return artifact.Class switch
        {
            ContentClass.Notice => "Notices are not fingerprinted: they say little beyond what partners are told anyway, and go out alike to every partner.",
            ContentClass.Indicators => "Indicators are not fingerprinted: an indicator (a hash, an address, a name) must stay exact, so every partner gets the same bytes.",
            not ContentClass.Poc when ArtifactMarking.IsRuleFile(artifact) =>
                $"Rule files are not fingerprinted: a rule ({Shown(artifact)}) must work exactly as written, so every partner gets the same bytes.",
            ContentClass.Poc => $"Only Python and C# PoCs are fingerprinted; this one ({Shown(artifact)}) is served as it is, the same to every partner.",
            _ => $"Only text is fingerprinted; this {artifact.Class.Describe()} is {Shown(artifact)}, so every partner gets the same bytes.",
        };
    }

    /// <summary>Why an artifact that should carry marks cannot: its preparation was refused.</summary>
    public static string WhyUnmarkable(Artifact artifact, string problem) =>
        $"{Subject(artifact)} cannot be fingerprinted, so partners who ask for it are refused until it is replaced: {problem}";

    private static string Warning(Artifact artifact, MarkingMethod method, int sites, int recipients, int resisted, int needed1, int needed2)
    {
        var marks = sites == 1 ? "1 mark" : $"{sites} marks";
        var among = recipients switch
        {
            0 => "with no recipient yet",
            1 => "among its 1 recipient",
            _ => $"among {recipients} recipients",
        };
        var advice = method == MarkingMethod.Text
            ? "Longer text carries more marks."
            : "Add mark templates ({{fw:A|B}}) where the code can be written two ways.";
        return resisted == 1
            ? $"{Subject(artifact)} carries {marks}: enough to name a lone leaker {among}, not two colluders (the code needs {needed2}). {advice}"
            : $"{Subject(artifact)} carries {marks}: not enough to name even a lone leaker {among} (the code needs {needed1} for one, {needed2} for two colluders). {advice}";
    }

    private static string Subject(Artifact artifact) =>
        artifact.Class == ContentClass.Poc ? $"The PoC \"{artifact.Title}\"" : $"The {artifact.Class.Describe()} \"{artifact.Title}\"";

    private static string Shown(Artifact artifact) =>
        artifact.FileName is { Length: > 0 } name ? $"{name}, {artifact.MediaType}" : artifact.MediaType;
}
