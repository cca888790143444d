using System.ComponentModel.DataAnnotations;

namespace Forewarn.Server.Auth;

/// <summary>
/// Section <c>auth</c>: how failed authentication is throttled and recorded (e.g.
/// <c>FOREWARN_AUTH__FAILURESPERADDRESS=30</c>). Only failures count: a request whose key is
/// right is never counted and never refused, whatever else came from its address.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "auth";

    [Range(1, 1_000_000, ErrorMessage = "auth:failuresPerAddress (FOREWARN_AUTH__FAILURESPERADDRESS) is how many failed authentications one source address (an IPv6 /64) may make in a window before its failures are answered 429: from 1 to 1000000.")]
    public int FailuresPerAddress { get; set; } = 30;

    [Range(1, 1_000_000, ErrorMessage = "auth:failuresPerKey (FOREWARN_AUTH__FAILURESPERKEY) is how many failed authentications may name one key prefix in a window, from any address, before they are answered 429: from 1 to 1000000.")]
    public int FailuresPerKey { get; set; } = 10;

    [Range(1, 86_400, ErrorMessage = "auth:windowSeconds (FOREWARN_AUTH__WINDOWSECONDS) is the window the failure limits count in: from 1 to 86400 seconds.")]
    public int WindowSeconds { get; set; } = 60;

    [Range(60, 86_400, ErrorMessage = "auth:recordWindowSeconds (FOREWARN_AUTH__RECORDWINDOWSECONDS) is the window failures against one real key are summed over for the transparency log: from 60 to 86400 seconds.")]
    public int RecordWindowSeconds { get; set; } = 900;

    [Range(1, 1_000_000, ErrorMessage = "auth:recordAfterFailures (FOREWARN_AUTH__RECORDAFTERFAILURES) is how many failures against one real key in a record window make an auth.failures entry: from 1 to 1000000.")]
    public int RecordAfterFailures { get; set; } = 5;
}
