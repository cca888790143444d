namespace Forewarn.Csaf.Validation.Reference;

/// <summary>
/// Checks package URLs (purl) for test 6.1.13 against the purl specification's rules:
/// <c>pkg:type/namespace/name@version?qualifiers#subpath</c> with a scheme of <c>pkg</c>, a type of
/// ASCII letters, digits, '.', '+' and '-' not starting with a digit, a non-empty name, qualifier keys
/// of letters, digits, '.', '-' and '_' not starting with a digit and each given once with a value,
/// and valid percent-encoding throughout. Type-specific rules (e.g. Maven's namespace) are not checked.
/// </summary>
internal static class PackageUrl
{
    /// <summary>Whether the purl is valid; when not, <paramref name="why"/> says what is wrong.</summary>
    public static bool IsValid(string purl, out string why)
    {
        why = Check(purl) ?? "";
        return why.Length == 0;
    }

    private static string? Check(string purl)
    {
        var rest = purl;
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            if (rest[(hash + 1)..].Split('/').Any(s => s is "." or ".." || !PercentEncodingIsValid(s)))
                return "the subpath contains '.' or '..' segments or broken percent-encoding";
            rest = rest[..hash];
        }
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            if (CheckQualifiers(rest[(question + 1)..]) is { } qualifierError) return qualifierError;
            rest = rest[..question];
        }
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !rest[..colon].Equals("pkg", StringComparison.OrdinalIgnoreCase))
            return "it does not start with the scheme 'pkg:'";
        rest = rest[(colon + 1)..].TrimStart('/');

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) return "it has no type followed by '/'";
        var type = rest[..slash];
        if (char.IsAsciiDigit(type[0]) || !type.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '+' or '-'))
            return $"'{type}' is not a valid package type";
        rest = rest[(slash + 1)..].TrimEnd('/');

        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            if (at == rest.Length - 1) return "the version after '@' is empty";
            if (!PercentEncodingIsValid(rest[(at + 1)..])) return "the version has broken percent-encoding";
            rest = rest[..at];
        }
        var segments = rest.Split('/');
        var name = segments[^1];
        if (name.Length == 0) return "it has no package name";
        if (segments.Any(s => !PercentEncodingIsValid(s)))
            return "the namespace or name has broken percent-encoding";
        return null;
    }

    private static string? CheckQualifiers(string qualifiers)
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in qualifiers.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) return $"the qualifier '{pair}' is not of the form key=value";
            var key = pair[..equals];
            if (char.IsAsciiDigit(key[0]) || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
                return $"'{key}' is not a valid qualifier key";
            if (!keys.Add(key)) return $"the qualifier '{key}' is given more than once";
            if (equals == pair.Length - 1 || !PercentEncodingIsValid(pair[(equals + 1)..]))
                return $"the qualifier '{key}' has an empty value or broken percent-encoding";
        }
        return null;
    }

    private static bool PercentEncodingIsValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%') continue;
            if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                return false;
            i += 2;
        }
        return true;
    }
}
