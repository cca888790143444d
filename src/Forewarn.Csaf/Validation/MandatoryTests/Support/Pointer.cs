namespace Forewarn.Csaf.Validation.MandatoryTests.Support;

/// <summary>Builds JSON pointers (RFC 6901) segment by segment.</summary>
internal static class Pointer
{
    public const string Root = "";

    /// <summary>The pointer one property deeper; <c>~</c> and <c>/</c> in the name are escaped.</summary>
    public static string Property(this string pointer, string name) =>
        $"{pointer}/{name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";

    /// <summary>The pointer to an array item.</summary>
    public static string Index(this string pointer, int index) => $"{pointer}/{index}";
}
