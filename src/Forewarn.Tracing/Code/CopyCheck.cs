namespace Forewarn.Tracing.Code;

/// <summary>The check every copy passes before it is issued: it compiles (C#) or parses (Python) as the original did.</summary>
internal abstract class CopyCheck
{
    /// <summary>Null when the copy is sound; otherwise what is wrong with it, for a person.</summary>
    public abstract string? Problem(string copy);
}
