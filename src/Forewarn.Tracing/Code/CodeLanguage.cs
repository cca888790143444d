namespace Forewarn.Tracing.Code;

/// <summary>The languages whose proof-of-concept code Forewarn can mark and check.</summary>
public enum CodeLanguage
{
    Python,
    CSharp,
}
