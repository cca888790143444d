namespace Forewarn.Stix.Patterns;

/// <summary>
/// STIX 2.1 patterns for observables (patterning spec, section 9). String literals are single-quoted;
/// inside them a quote and a backslash are escaped with a backslash, nothing else is.
/// </summary>
internal static class StixPattern
{
    public static string Literal(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("'", "\\'", StringComparison.Ordinal) + "'";

    public static string For(Observable o) => o.Kind switch
    {
        ObservableKind.Sha256 => $"[file:hashes.'SHA-256' = {Literal(o.Value)}]",
        ObservableKind.Sha1 => $"[file:hashes.'SHA-1' = {Literal(o.Value)}]",
        ObservableKind.Md5 => $"[file:hashes.MD5 = {Literal(o.Value)}]",
        ObservableKind.Ipv4 => $"[ipv4-addr:value = {Literal(o.Value)}]",
        ObservableKind.Ipv6 => $"[ipv6-addr:value = {Literal(o.Value)}]",
        ObservableKind.DomainName => $"[domain-name:value = {Literal(o.Value)}]",
        ObservableKind.Url => $"[url:value = {Literal(o.Value)}]",
        ObservableKind.FileName => $"[file:name = {Literal(o.Value)}]",
        ObservableKind.FilePath => FilePath(o.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.Kind, "No pattern for this kind."),
    };

    private static string FilePath(string path)
    {
        var cut = path.LastIndexOfAny(['\\', '/']);
        if (cut <= 0 || cut == path.Length - 1) return $"[file:name = {Literal(path.Trim('\\', '/'))}]";
        return $"[file:name = {Literal(path[(cut + 1)..])} AND file:parent_directory_ref.path = {Literal(path[..cut])}]";
    }
}
