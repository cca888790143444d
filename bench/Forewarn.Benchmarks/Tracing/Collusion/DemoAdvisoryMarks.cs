extern alias server;
using Forewarn.Tracing;
using Forewarn.Tracing.Code;
using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Text;
using Forewarn.Tracing.Trace;
using DemoTexts = server::Forewarn.Server.Demo.DemoTexts;

namespace Forewarn.Benchmarks.Tracing.Collusion;

/// <summary>One fingerprinted artifact of the demo advisory, prepared once as the server prepares it.</summary>
internal sealed record DemoArtifact(string Name, string Key, IMarkedArtifact Marks, bool IsCode, int Words, int Lines);

/// <summary>
/// The demo advisory FW-2025-0708's fingerprinted artifacts — technical description, detection
/// guidance, mitigation (prose) and the Python PoC — prepared with the current marker version,
/// and, per simulated programme secret, their codes exactly as the server makes them
/// (<see cref="TardosCode.ForArtifact(ReadOnlySpan{byte}, string, int)"/> under each artifact's key).
/// </summary>
internal sealed class DemoAdvisoryMarks
{
    private DemoAdvisoryMarks(IReadOnlyList<DemoArtifact> prose, DemoArtifact poc) => (Prose, Poc) = (prose, poc);

    public IReadOnlyList<DemoArtifact> Prose { get; }
    public DemoArtifact Poc { get; }

    public static DemoAdvisoryMarks Prepare()
    {
        static DemoArtifact Text(string name, string key, string text) =>
            new(name, key, TextMarks.Prepare(text), false, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, text.Split('\n').Length);
        var poc = DemoTexts.ReplayPoc;
        return new(
        [
            Text("description", "demo-description", DemoTexts.ReplayDescription),
            Text("detection", "demo-detection", DemoTexts.ReplayDetection),
            Text("mitigation", "demo-mitigation", DemoTexts.ReplayMitigation),
        ], new DemoArtifact("poc", "demo-poc", CodeMarks.Prepare(poc, CodeLanguage.Python), true, 0, poc.Split('\n').Length));
    }

    /// <summary>The artifacts' codes under one programme secret, as the tracer takes them.</summary>
    public static IReadOnlyList<CodedArtifact> Coded(IEnumerable<DemoArtifact> artifacts, byte[] secret) =>
        [.. artifacts.Select(a => new CodedArtifact(a.Key, a.Marks, TardosCode.ForArtifact(secret, a.Key, a.Marks.Sites.Count)))];

    /// <summary>A recipient's copy of one artifact.</summary>
    public static string CopyOf(CodedArtifact artifact, byte[] secret, string recipient) =>
        artifact.Marks.Render(artifact.Code.CodewordOf(secret, artifact.Key, recipient));
}
