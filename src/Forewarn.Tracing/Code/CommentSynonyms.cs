namespace Forewarn.Tracing.Code;

/// <summary>
/// Word pairs that mean the same in a PoC's comments; a comment word from the list is a site whose
/// variants are the two words (the case pattern of the original is kept).
/// </summary>
internal static class CommentSynonyms
{
    private static readonly (string A, string B)[] Pairs =
    [
        ("check", "verify"), ("build", "construct"), ("send", "transmit"), ("get", "fetch"),
        ("large", "big"), ("begin", "start"), ("first", "initial"), ("overflow", "overrun"),
        ("enough", "sufficient"), ("create", "make"), ("error", "failure"), ("allocate", "reserve"),
        ("trigger", "cause"), ("simple", "basic"), ("wait", "pause"), ("buffer", "buf"),
        ("connection", "link"), ("crafted", "forged"), ("target", "victim"), ("length", "size"),
        ("usage", "use"), ("quick", "fast"), ("show", "display"), ("option", "setting"),
        ("returns", "gives"), ("bytes", "octets"), ("response", "reply"), ("vulnerable", "affected"),
        ("default", "standard"), ("whole", "entire"), ("later", "afterwards"), ("only", "solely"),
    ];

    private static readonly Dictionary<string, (string Canonical, string Other)> Lookup = Build();

    private static Dictionary<string, (string, string)> Build()
    {
        var map = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (a, b) in Pairs)
        {
            map[a] = (a, b);
            map[b] = (a, a);
        }
        return map;
    }

    /// <summary>The synonym group of a word (lower case), or the word itself.</summary>
    public static string Canonical(string word)
    {
        var lower = word.ToLowerInvariant();
        return Lookup.TryGetValue(lower, out var e) ? e.Canonical : lower;
    }

    /// <summary>The other word of the pair, in the case pattern of <paramref name="word"/>; null when none.</summary>
    public static string? Alternative(string word)
    {
        var lower = word.ToLowerInvariant();
        if (!Lookup.TryGetValue(lower, out var e)) return null;
        if (word == lower) return e.Other;
        if (word == word.ToUpperInvariant()) return word.Length > 1 ? e.Other.ToUpperInvariant() : null;
        if (word == char.ToUpperInvariant(lower[0]) + lower[1..]) return char.ToUpperInvariant(e.Other[0]) + e.Other[1..];
        return null;
    }
}
