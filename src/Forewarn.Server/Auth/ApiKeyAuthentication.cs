using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Forewarn.Domain.Keys;
using Forewarn.Server.Entitlements;
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
    RequestFacts facts, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureKey = "forewarn.auth-failure";

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
                return Fail("The Basic credentials must be base64 of '<any name>:<api key>'.");
            token = password;
        }
        else
            return Fail("The Authorization header must read 'Bearer <api key>'.");
        if (!ApiKey.TryParseToken(token, out var prefix, out var secret))
            return Fail("The API key is not in Forewarn's format (fw_<prefix>_<secret>).");
        var known = await facts.GetAsync(Context.RequestAborted);
        if (!known.KeysByPrefix.TryGetValue(prefix, out var key) || !key.Matches(secret))
            return Fail("The API key is not known.");
        var now = clock.GetUtcNow();
        if (key.RevokedAt is { } revoked)
            return Fail($"The API key {prefix} was revoked on {revoked:yyyy-MM-dd HH:mm} UTC.");
        if (now >= key.ExpiresAt)
            return Fail($"The API key {prefix} expired on {key.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");

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

    private AuthenticateResult Fail(string why)
    {
        Context.Items[FailureKey] = why;
        return AuthenticateResult.Fail(why);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var why = Context.Items[FailureKey] as string
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
