namespace Forewarn.Csaf.Validation.Reference;

/// <summary>
/// Checks BCP 47 language tags (RFC 5646) for test 6.1.12: well-formed, and every subtag registered
/// in the IANA Language Subtag Registry (or in a private-use range). Variant prefixes are not checked.
/// </summary>
internal static partial class LanguageSubtags
{
    private static readonly Lazy<Registry> Known = new(() => new Registry(
        Set(Languages), Set(ExtendedLanguages), Set(Scripts), Set(Regions), Set(Variants), Set(Grandfathered)));

    /// <summary>Which registry the subtags come from.</summary>
    public static string Version => $"IANA Language Subtag Registry of {RegistryDate}";

    /// <summary>Whether the tag is valid; when not, <paramref name="why"/> says what is wrong.</summary>
    public static bool IsValid(string tag, out string why)
    {
        why = Check(tag.ToLowerInvariant()) ?? "";
        return why.Length == 0;
    }

    private static string? Check(string tag)
    {
        var known = Known.Value;
        if (known.Grandfathered.Contains(tag)) return null;
        var parts = tag.Split('-');
        if (parts.Any(p => p.Length == 0 || p.Length > 8 || !p.All(char.IsAsciiLetterOrDigit)))
            return "it is not made of subtags of one to eight letters or digits separated by hyphens";
        if (parts[0] == "x")
            return parts.Length > 1 ? null : "a private-use tag needs at least one subtag after 'x'";

        var i = 0;
        var language = parts[i++];
        if (!(language.Length is >= 2 and <= 8 && language.All(char.IsAsciiLetter)))
            return $"'{language}' is not a language subtag";
        if (!known.Languages.Contains(language) && !InRange(language, "qaa", "qtz"))
            return $"'{language}' is not a registered language";
        if (language.Length <= 3 && i < parts.Length && parts[i].Length == 3 && parts[i].All(char.IsAsciiLetter))
        {
            if (!known.ExtendedLanguages.Contains(parts[i]))
                return $"'{parts[i]}' is not a registered extended language";
            i++;
        }
        if (i < parts.Length && parts[i].Length == 4 && parts[i].All(char.IsAsciiLetter))
        {
            if (!known.Scripts.Contains(parts[i]) && !InRange(parts[i], "qaaa", "qabx"))
                return $"'{parts[i]}' is not a registered script";
            i++;
        }
        if (i < parts.Length && ((parts[i].Length == 2 && parts[i].All(char.IsAsciiLetter)) || (parts[i].Length == 3 && parts[i].All(char.IsAsciiDigit))))
        {
            if (!known.Regions.Contains(parts[i]) && !InRange(parts[i], "qm", "qz") && !InRange(parts[i], "xa", "xz"))
                return $"'{parts[i]}' is not a registered region";
            i++;
        }
        var variants = new HashSet<string>(StringComparer.Ordinal);
        while (i < parts.Length && (parts[i].Length >= 5 || (parts[i].Length == 4 && char.IsAsciiDigit(parts[i][0]))))
        {
            if (!known.Variants.Contains(parts[i]))
                return $"'{parts[i]}' is not a registered variant";
            if (!variants.Add(parts[i]))
                return $"the variant '{parts[i]}' appears twice";
            i++;
        }
        var singletons = new HashSet<string>(StringComparer.Ordinal);
        while (i < parts.Length && parts[i].Length == 1 && parts[i] != "x")
        {
            if (!singletons.Add(parts[i]))
                return $"the extension '{parts[i]}' appears twice";
            var start = ++i;
            while (i < parts.Length && parts[i].Length >= 2) i++;
            if (i == start)
                return $"the extension '{parts[start - 1]}' has no subtags";
        }
        if (i < parts.Length && parts[i] == "x")
            return i + 1 < parts.Length ? null : "a private-use part needs at least one subtag after 'x'";
        return i == parts.Length ? null : $"'{parts[i]}' is not in a place where it can stand";
    }

    private static bool InRange(string subtag, string from, string to) =>
        subtag.Length == from.Length && string.CompareOrdinal(subtag, from) >= 0 && string.CompareOrdinal(subtag, to) <= 0;

    private static HashSet<string> Set(string words) =>
        words.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private sealed record Registry(
        HashSet<string> Languages, HashSet<string> ExtendedLanguages, HashSet<string> Scripts,
        HashSet<string> Regions, HashSet<string> Variants, HashSet<string> Grandfathered);
}
