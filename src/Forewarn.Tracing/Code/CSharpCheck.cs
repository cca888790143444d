using System.Collections.Immutable;
using Forewarn.Domain.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Forewarn.Tracing.Code;

/// <summary>
/// A C# copy is sound when Roslyn compiles it against the platform's assemblies with no error and
/// exactly the warnings the original had (by id): a mark that changed what the compiler sees
/// beyond names and spellings would show as a new diagnostic.
/// </summary>
internal sealed class CSharpCheck : CopyCheck
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private readonly string[] baseline;

    private CSharpCheck(CSharpCompilation original)
    {
        Original = original;
        baseline = WarningIds(original);
    }

    /// <summary>The original's compilation (for its semantic model).</summary>
    public CSharpCompilation Original { get; }

    public static CSharpCheck ForOriginal(string original)
    {
        var compilation = Compile(original);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
            throw new CodeMarkException("poc-does-not-compile", $"The C# PoC does not compile as given ({Counted.Of(errors.Count, "error", "errors")}), so no copy of it can be checked: {string.Join("; ", errors.Take(3).Select(e => e.ToString()))}");
        return new CSharpCheck(compilation);
    }

    public override string? Problem(string copy)
    {
        var compilation = Compile(copy);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) return string.Join("; ", errors.Take(3).Select(e => e.ToString()));
        var warnings = WarningIds(compilation);
        return warnings.SequenceEqual(baseline, StringComparer.Ordinal)
            ? null
            : $"the copy's warnings ({string.Join(", ", warnings)}) differ from the original's ({string.Join(", ", baseline)})";
    }

    public static CSharpCompilation Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions);
        var kind = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var options = new CSharpCompilationOptions(kind, allowUnsafe: true);
        return CSharpCompilation.Create("poc", [tree], References.Value, options);
    }

    private static string[] WarningIds(CSharpCompilation compilation) =>
        [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id).Order(StringComparer.Ordinal)];

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. paths.Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "mscorlib.dll" or "netstandard.dll" || f.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || f == "Microsoft.CSharp.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
