using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Forewarn.Stix.Patterns;

/// <summary>
/// Finds observables in indicator text, line by line. A typed line (<c>sha256,&lt;hash&gt;,comment</c>,
/// <c>domain: example.org</c>) says what its value is; any other line is scanned for URLs, hashes,
/// IP addresses and lower-case domain names. File names are taken only from typed lines or a line
/// that is nothing but a file name: prose mentions such as "w3wp.exe spawning cmd.exe" are not indicators.
/// </summary>
internal static partial class ObservableExtraction
{
    private static readonly Dictionary<string, ObservableKind> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sha256"] = ObservableKind.Sha256, ["sha-256"] = ObservableKind.Sha256,
        ["sha1"] = ObservableKind.Sha1, ["sha-1"] = ObservableKind.Sha1,
        ["md5"] = ObservableKind.Md5,
        ["ipv4"] = ObservableKind.Ipv4, ["ip"] = ObservableKind.Ipv4, ["ipv4-addr"] = ObservableKind.Ipv4,
        ["ip-src"] = ObservableKind.Ipv4, ["ip-dst"] = ObservableKind.Ipv4,
        ["ipv6"] = ObservableKind.Ipv6, ["ipv6-addr"] = ObservableKind.Ipv6,
        ["domain"] = ObservableKind.DomainName, ["domain-name"] = ObservableKind.DomainName,
        ["hostname"] = ObservableKind.DomainName, ["fqdn"] = ObservableKind.DomainName,
        ["url"] = ObservableKind.Url, ["uri"] = ObservableKind.Url,
        ["file-name"] = ObservableKind.FileName, ["filename"] = ObservableKind.FileName, ["file"] = ObservableKind.FileName,
        ["file-path"] = ObservableKind.FilePath, ["filepath"] = ObservableKind.FilePath, ["path"] = ObservableKind.FilePath,
    };

    // Extensions that make "name.ext" a file, not a domain, however domain-like it looks.
    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "exe", "dll", "sys", "aspx", "asp", "ashx", "asmx", "jsp", "php", "js", "ps1", "psm1", "bat", "cmd", "vbs",
        "hta", "lnk", "msi", "jar", "py", "sh", "txt", "log", "zip", "rar", "7z", "gz", "tar", "doc", "docx", "xls",
        "xlsx", "pdf", "json", "xml", "yml", "yaml", "html", "htm", "ini", "cfg", "conf", "tmp", "dat", "bin", "so",
        "elf", "scr", "cpl", "ocx", "iso", "img", "config", "cs", "java", "rb", "pl", "go", "rs", "c", "h", "md",
    };

    [GeneratedRegex(@"^\s*(?<type>[A-Za-z][A-Za-z0-9 _-]{0,20}?)\s*[,;:\t=]\s*(?:""(?<value>[^""]*)""|(?<value>[^,;\t]+?))\s*(?:[,;\t]\s*(?<comment>.*?))?\s*$")]
    private static partial Regex Typed();

    [GeneratedRegex(@"\b(?:https?|ftp)://[^\s'""<>()\[\]{}]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlToken();

    [GeneratedRegex(@"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{64}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{32})(?![0-9A-Za-z])")]
    private static partial Regex HashToken();

    [GeneratedRegex(@"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:/(?:3[0-2]|[12]?\d))?(?!\w|\.\d)")]
    private static partial Regex Ipv4Token();

    [GeneratedRegex(@"(?<![\w:.])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?:/\d{1,3})?(?![\w:])")]
    private static partial Regex Ipv6Token();

    [GeneratedRegex(@"(?<![\w.@/\\-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![\w-]|\.\w)")]
    private static partial Regex DomainToken();

    [GeneratedRegex(@"^[\w-]+(?:\.[\w-]+)*\.(?<ext>[A-Za-z0-9]{1,6})$")]
    private static partial Regex FileNameShape();

    /// <summary>The distinct observables in <paramref name="text"/>, in the order they appear.</summary>
    public static IReadOnlyList<Observable> From(string text)
    {
        var found = new List<Observable>();
        foreach (var raw in text.Split('\n'))
        {
            var line = Refang(raw.TrimEnd('\r'));
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (FromTypedLine(line) is { } typed) found.Add(typed);
            else if (LoneFileName(line.Trim()) is { } file) found.Add(file);
            else found.AddRange(Scan(line));
        }
        return [.. found.DistinctBy(o => (o.Kind, o.Value))];
    }

    /// <summary>The observable a typed line names, when its type is known and its value fits it.</summary>
    internal static Observable? FromTypedLine(string line)
    {
        var m = Typed().Match(line);
        if (!m.Success || !Types.TryGetValue(m.Groups["type"].Value.Trim(), out var kind)) return null;
        var value = Checked(kind, m.Groups["value"].Value.Trim());
        if (value is null) return null;
        var comment = m.Groups["comment"].Value.Trim();
        return new Observable(kind, value, comment.Length == 0 ? null : comment);
    }

    /// <summary>The observables found in a line of free text.</summary>
    internal static IEnumerable<Observable> Scan(string line)
    {
        var rest = line;
        foreach (Match m in UrlToken().Matches(line))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', '!', '?');
            if (Checked(ObservableKind.Url, url) is { } u) yield return new Observable(ObservableKind.Url, u);
            rest = rest.Replace(m.Value, " ", StringComparison.Ordinal);
        }
        foreach (Match m in HashToken().Matches(rest))
        {
            var kind = m.Length switch { 64 => ObservableKind.Sha256, 40 => ObservableKind.Sha1, _ => ObservableKind.Md5 };
            yield return new Observable(kind, m.Value.ToLowerInvariant());
        }
        rest = HashToken().Replace(rest, " ");
        foreach (Match m in Ipv4Token().Matches(rest))
            yield return new Observable(ObservableKind.Ipv4, m.Value);
        foreach (Match m in Ipv6Token().Matches(rest))
        {
            if (Checked(ObservableKind.Ipv6, m.Value) is { } v6) yield return new Observable(ObservableKind.Ipv6, v6);
        }
        foreach (Match m in DomainToken().Matches(rest))
        {
            if (Checked(ObservableKind.DomainName, m.Value) is { } d) yield return new Observable(ObservableKind.DomainName, d);
        }
    }

    /// <summary>The value normalised when it is a well-formed <paramref name="kind"/>, otherwise null.</summary>
    internal static string? Checked(ObservableKind kind, string value) => kind switch
    {
        ObservableKind.Sha256 => IsHex(value, 64) ? value.ToLowerInvariant() : null,
        ObservableKind.Sha1 => IsHex(value, 40) ? value.ToLowerInvariant() : null,
        ObservableKind.Md5 => IsHex(value, 32) ? value.ToLowerInvariant() : null,
        ObservableKind.Ipv4 => Ipv4Token().Match(value) is { Success: true } m && m.Value == value ? value : null,
        ObservableKind.Ipv6 => Ipv6(value),
        ObservableKind.DomainName => Domain(value.ToLowerInvariant()),
        ObservableKind.Url => Uri.TryCreate(value, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "ftp"
            && u.Host.Length > 0 && !value.Any(char.IsWhiteSpace) ? value : null,
        ObservableKind.FileName => value.Length is > 0 and <= 255 && value.IndexOfAny(['/', '\\', '\0']) < 0 ? value : null,
        ObservableKind.FilePath => value.Length is > 1 and <= 1024 && value.IndexOf('\0') < 0
            && value.TrimEnd('\\', '/').Length > 0 && !value.EndsWith('\\') && !value.EndsWith('/') ? value : null,
        _ => null,
    };

    private static Observable? LoneFileName(string line) =>
        !line.Contains(' ', StringComparison.Ordinal) && FileNameShape().Match(line) is { Success: true } m
            && FileExtensions.Contains(m.Groups["ext"].Value)
            ? new Observable(ObservableKind.FileName, line)
            : null;

    private static string? Domain(string value)
    {
        var m = DomainToken().Match(value);
        if (!m.Success || m.Value != value || value.Length > 253) return null;
        var tld = value[(value.LastIndexOf('.') + 1)..];
        return FileExtensions.Contains(tld) ? null : value;
    }

    private static string? Ipv6(string value)
    {
        var address = value.Split('/')[0];
        var colons = address.Count(c => c == ':');
        if (colons < 2 || !address.Any(char.IsAsciiHexDigit) || (!address.Contains("::", StringComparison.Ordinal) && colons != 7 && !address.Contains('.', StringComparison.Ordinal)))
            return null;
        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6) return null;
        if (value.Contains('/', StringComparison.Ordinal) && !(int.TryParse(value.Split('/')[1], out var bits) && bits is >= 0 and <= 128)) return null;
        return value.ToLowerInvariant();
    }

    private static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigit);

    // Defanged indicators (hxxp://, example[.]com) are common in advisories; patterns need the real value.
    private static string Refang(string line) => line
        .Replace("hxxp", "http", StringComparison.OrdinalIgnoreCase)
        .Replace("[.]", ".", StringComparison.Ordinal)
        .Replace("(.)", ".", StringComparison.Ordinal)
        .Replace("[:]", ":", StringComparison.Ordinal);
}
