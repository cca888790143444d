namespace Forewarn.Tracing.Code;

/// <summary>
/// Makes a prepared PoC's first copies cheaper: a Python copy is checked top-level statement by
/// top-level statement, and a statement whose exact text compiled before is not compiled again, so
/// compiling ahead the variants of the statements that have few of them leaves each first copy
/// to compile only its statements with many marks. It changes no copy and no answer: every copy is
/// still checked before it is issued, and a statement is taken as compiling only when exactly its
/// text did. Takes CPU for a few hundred compiles; run it off the request path.
/// </summary>
public static class VariantPrecheck
{
    /// <summary>Variants per statement compiled ahead at most (10 sites in one statement, not counting compile-neutral ones).</summary>
    public const int PerStatement = 1024;

    /// <summary>Texts rendered ahead at most, per PoC.</summary>
    public const int Budget = 8192;

    /// <summary>Compiles ahead what <paramref name="marks"/>' copies will need; the statements compiled (0 for anything but a Python PoC).</summary>
    public static int Run(IMarkedArtifact marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return marks is MarkedCode code ? code.Precheck(PerStatement, Budget) : 0;
    }
}
