using Forewarn.Domain.Keys;

namespace Forewarn.Server.Auth;

/// <summary>
/// Why a request's credentials were refused, kept on the request for the throttle, the metrics
/// and the record for staff. <see cref="Key"/> is set when the prefix names a key that exists
/// (a wrong secret, or a revoked or expired key): failures against real keys are worth a record;
/// those against made-up prefixes only count.
/// </summary>
public sealed record AuthenticationFailure(string Reason, string Detail, string? Prefix, ApiKey? Key)
{
    private const string ItemKey = "forewarn.auth-failure";

    /// <summary>The Authorization header is not Bearer or Basic, or its Basic part does not decode.</summary>
    public const string Malformed = "malformed";
    /// <summary>The token is not in Forewarn's key format.</summary>
    public const string NotAKey = "not-a-key";
    /// <summary>No key has the token's prefix.</summary>
    public const string UnknownKey = "unknown-key";
    /// <summary>A key has the prefix, but the secret is wrong.</summary>
    public const string WrongSecret = "wrong-secret";
    public const string Revoked = "revoked";
    public const string Expired = "expired";

    public static AuthenticationFailure? Of(HttpContext http) => http.Items[ItemKey] as AuthenticationFailure;

    public void AttachTo(HttpContext http) => http.Items[ItemKey] = this;
}
