namespace Forewarn.Tracing.Text;

/// <summary>Small look-arounds the site finders share.</summary>
internal static class TextSpans
{
    /// <summary>The word (letters, digits, apostrophes) just before <paramref name="index"/>, skipping spaces; "" if none.</summary>
    public static string PreviousWord(string text, int index)
    {
        var end = index;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '\'' or '’')) start--;
        return text[start..end];
    }

    /// <summary>The word (letters, digits) just after <paramref name="index"/>, skipping spaces; "" if none.</summary>
    public static string NextWord(string text, int index)
    {
        var start = index;
        while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        var end = start;
        while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
        return text[start..end];
    }

    public static char PreviousNonSpace(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i >= 0 ? text[i] : '\0';
    }

    public static char NextNonSpace(string text, int index)
    {
        var i = index;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i < text.Length ? text[i] : '\0';
    }
}
