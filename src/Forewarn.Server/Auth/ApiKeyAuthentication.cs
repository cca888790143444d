using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Forewarn.Domain.Keys;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Hosting;
using Forewarn.Server.Problems;
using Forewarn.Server.Taxii;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Forewarn.Server.Auth;

/// <summary>
/// API keys as Bearer tokens (or as the password of HTTP Basic, for TAXII clients), looked up
/// in the facts of the current generation: a revocation changes the generation, so it takes
/// effect on the very next request; expiry is checked against the clock.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    RequestFacts facts, TimeProvider clock, FailedKeyAttempts attempts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        string token;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            token = header["Bearer ".Length..].Trim();
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            // TAXII clients speak HTTP Basic: any user name, the API key as the password.
            if (BasicPassword(header["Basic ".Length..].Trim()) is not { } password)
                return Fail(AuthenticationFailure.Malformed, "The Basic credentials must be base64 of '<any name>:<api key>'.");
            token = password;
        }
        else
            return Fail(AuthenticationFailure.Malformed, "The Authorization header must read 'Bearer <api key>'.");
        if (!ApiKey.TryParseToken(token, out var prefix, out var secret))
            return Fail(AuthenticationFailure.NotAKey, "The API key is not in Forewarn's format (fw_<prefix>_<secret>).");
        var known = await facts.GetAsync(Context.RequestAborted);
        // An unknown prefix and a wrong secret answer alike, so the answer does not tell which prefixes exist.
        if (!known.KeysByPrefix.TryGetValue(prefix, out var key))
            return Fail(AuthenticationFailure.UnknownKey, "The API key is not known.", prefix);
        if (!key.Matches(secret))
            return Fail(AuthenticationFailure.WrongSecret, "The API key is not known.", prefix, key);
        var now = clock.GetUtcNow();
        if (key.RevokedAt is { } revoked)
            return Fail(AuthenticationFailure.Revoked, $"The API key {prefix} was revoked on {revoked:yyyy-MM-dd HH:mm} UTC.", prefix, key);
        if (now >= key.ExpiresAt)
            return Fail(AuthenticationFailure.Expired, $"The API key {prefix} expired on {key.ExpiresAt:yyyy-MM-dd HH:mm} UTC.", prefix, key);

        var claims = new List<Claim>
        {
            new(Caller.KeyIdClaim, key.Id.ToString()),
            new(Caller.KeyPrefixClaim, key.Prefix),
            new(Caller.OwnerClaim, key.Owner.ToString().ToLowerInvariant()),
            new(ClaimTypes.Name, key.Owner == KeyOwner.Staff ? $"staff:{key.Name}" : $"partner-key:{key.Prefix}"),
        };
        if (key.PartnerId is { } partner) claims.Add(new(Caller.PartnerClaim, partner.ToString()));
        if (key.MemberId is { } member) claims.Add(new(Caller.MemberClaim, member.ToString()));
        claims.AddRange(key.Scopes.Select(s => new Claim(Caller.ScopeClaim, s)));
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private static string? BasicPassword(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : text[(colon + 1)..].Trim();
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// A refusal of the request's credentials, kept on the request: the failure throttle (a rate
    /// limiter that runs next, <see cref="FailureThrottle"/>) counts it by address and key prefix,
    /// and failures against a real key are tallied for the staff's record.
    /// </summary>
    private AuthenticateResult Fail(string reason, string why, string? prefix = null, ApiKey? key = null)
    {
        new AuthenticationFailure(reason, why, prefix, key).AttachTo(Context);
        Telemetry.AuthFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
        if (key is not null) attempts.Note(key, reason, Context.Connection.RemoteIpAddress);
        return AuthenticateResult.Fail(why);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var why = AuthenticationFailure.Of(Context)?.Detail
                  ?? "This endpoint needs an API key: send 'Authorization: Bearer <api key>'.";
        Response.Headers.WWWAuthenticate = TaxiiMedia.IsTaxiiPath(Request.Path)
            ? new StringValues(["Basic realm=\"Forewarn TAXII\"", "Bearer"])
            : "Bearer";
        await Write(StatusCodes.Status401Unauthorized, "unauthenticated", why);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Write(StatusCodes.Status403Forbidden, "forbidden",
            "This API key may not do that: it lacks the scope or belongs to the wrong kind of owner (staff or partner).");

    private Task Write(int status, string code, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(type: ProblemTypes.For(code), title: ProblemTypes.TitleOf(code), detail: detail, statusCode: status)
            .ExecuteAsync(Context);
    }
}
