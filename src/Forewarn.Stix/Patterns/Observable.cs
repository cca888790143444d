namespace Forewarn.Stix.Patterns;

/// <summary>What kind of observable a line of indicator text names.</summary>
internal enum ObservableKind
{
    Sha256,
    Sha1,
    Md5,
    Ipv4,
    Ipv6,
    DomainName,
    Url,
    FileName,
    FilePath,
}

/// <summary>One observable found in an artifact's text, with the comment its line gave it, if any.</summary>
internal sealed record Observable(ObservableKind Kind, string Value, string? Comment = null)
{
    /// <summary>How the kind reads in an indicator's name.</summary>
    public string Label => Kind switch
    {
        ObservableKind.Sha256 => "SHA-256",
        ObservableKind.Sha1 => "SHA-1",
        ObservableKind.Md5 => "MD5",
        ObservableKind.Ipv4 => "IPv4 address",
        ObservableKind.Ipv6 => "IPv6 address",
        ObservableKind.DomainName => "Domain",
        ObservableKind.Url => "URL",
        ObservableKind.FileName => "File name",
        ObservableKind.FilePath => "File path",
        _ => Kind.ToString(),
    };
}
