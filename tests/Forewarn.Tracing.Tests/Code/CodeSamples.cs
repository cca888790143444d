using Forewarn.Tracing.Code;
using Microsoft.CodeAnalysis;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>The sample PoCs (embedded from Code/Samples), prepared once, and independent checks of copies.</summary>
internal static class CodeSamples
{
    private static readonly Lazy<IMarkedArtifact> PreparedPython = new(() => CodeMarks.Prepare(Python, CodeLanguage.Python));
    private static readonly Lazy<IMarkedArtifact> PreparedCSharp = new(() => CodeMarks.Prepare(CSharp, CodeLanguage.CSharp));

    private static readonly Lazy<IMarkedArtifact> PreparedDemo = new(() => CodeMarks.Prepare(Load("Samples.toolpane_poc.py"), CodeLanguage.Python));

    /// <summary>The demo's PoC (with its q-ary templates) prepared at the current marker version.</summary>
    public static IMarkedArtifact Demo => PreparedDemo.Value;

    public static string Python => Load("Samples.halcyon_overflow.py");
    public static string CSharp => Load("Samples.HalcyonOverflow.cs");

    /// <summary>
    /// A sample by name at a marker version. The demo PoC carries q-ary templates (version 2 only):
    /// at version 1 it is the demo PoC as it was before them (<c>toolpane_poc_v1.py</c>, the golden copies' input).
    /// </summary>
    public static string At(string sample, int version) =>
        Load("Samples." + (sample == "toolpane_poc.py" && version == MarkerVersion.First ? "toolpane_poc_v1.py" : sample));

    public static IMarkedArtifact Prepared(CodeLanguage language) => language == CodeLanguage.Python ? PreparedPython.Value : PreparedCSharp.Value;

    public static byte[] RandomWord(Random random, int length) => [.. Enumerable.Range(0, length).Select(_ => (byte)random.Next(2))];

    /// <summary>CPython's own parser, run apart from the library's check.</summary>
    public static bool PythonParses(string source) => Forewarn.Tests.Shared.CPython.Parses(source);

    /// <summary>Roslyn's errors for a C# copy, compiled as a library against the platform.</summary>
    public static IReadOnlyList<Diagnostic> CSharpErrors(string source) =>
        [.. CSharpCheck.Compile(source).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];

    public static string Load(string name)
    {
        using var stream = typeof(CodeSamples).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"No embedded sample {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
