namespace Forewarn.Tracing.Code;

/// <summary>
/// Splits Python source into runs of whole top-level statements, at the lines that start one at
/// column 0 (outside strings and brackets, after no line continuation, not an <c>else</c>,
/// <c>elif</c>, <c>except</c> or <c>finally</c>, not after a decorator). The split only has to be
/// good, not exact: a run cut in the wrong place fails to compile on its own, and the caller then
/// compiles the whole source, so a wrong split costs time and never changes an answer.
/// </summary>
internal static class PythonStatements
{
    private static readonly string[] Continuations = ["else", "elif", "except", "finally"];

    public static List<string> Split(string source)
    {
        var starts = Starts(source);
        var runs = new List<string>(starts.Count);
        for (var k = 0; k < starts.Count; k++) runs.Add(source[starts[k]..(k + 1 < starts.Count ? starts[k + 1] : source.Length)]);
        return runs;
    }

    /// <summary>Where each run of <see cref="Split"/> starts (the first at 0).</summary>
    public static List<int> Starts(string source)
    {
        var starts = new List<int> { 0 };
        var (depth, decorated) = (0, source.StartsWith('@'));
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            switch (c)
            {
                case '#':
                    while (i < source.Length && source[i] != '\n') i++;
                    continue;
                case '\'' or '"':
                    i = AfterString(source, i);
                    continue;
                case '\\':
                    i += 2;
                    continue;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '\n' when depth == 0 && i + 1 < source.Length && StartsStatement(source, i + 1):
                    if (!decorated && i + 1 > starts[^1]) starts.Add(i + 1);
                    decorated = source[i + 1] == '@';
                    break;
            }
            i++;
        }
        return starts;
    }

    private static bool StartsStatement(string source, int at)
    {
        var c = source[at];
        if (char.IsWhiteSpace(c) || c == '#') return false;
        foreach (var word in Continuations)
        {
            if (string.CompareOrdinal(source, at, word, 0, word.Length) == 0
                && (at + word.Length >= source.Length || !(char.IsLetterOrDigit(source[at + word.Length]) || source[at + word.Length] == '_')))
                return false;
        }
        return true;
    }

    /// <summary>The index after the string literal opening at <paramref name="i"/> (or the end of its line when it does not close there).</summary>
    private static int AfterString(string source, int i)
    {
        var quote = source[i];
        var triple = i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote;
        var k = i + (triple ? 3 : 1);
        while (k < source.Length)
        {
            var c = source[k];
            if (c == '\\') { k += 2; continue; }
            if (!triple && c == '\n') return k;
            if (c == quote && (!triple || (k + 2 < source.Length && source[k + 1] == quote && source[k + 2] == quote)))
                return k + (triple ? 3 : 1);
            k++;
        }
        return source.Length;
    }
}
