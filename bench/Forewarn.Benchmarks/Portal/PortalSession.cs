using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OtpNet;

namespace Forewarn.Benchmarks.Portal;

/// <summary>A demo portal user from <c>demo-credentials.json</c>.</summary>
public sealed record DemoPortalUser(string Email, string Password, string Role, string? TotpSecret)
{
    public static async Task<IReadOnlyList<DemoPortalUser>> ReadAsync(string dataDirectory, CancellationToken ct)
    {
        var path = Path.Combine(dataDirectory, "demo-credentials.json");
        for (var i = 0; i < 40 && !File.Exists(path); i++) await Task.Delay(250, ct);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        return [.. json.RootElement.GetProperty("portal").EnumerateArray().Select(p => new DemoPortalUser(
            p.GetProperty("email").GetString()!, p.GetProperty("password").GetString()!, p.GetProperty("role").GetString()!,
            p.TryGetProperty("totpSecret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null))];
    }
}

/// <summary>
/// Signs in to the portal over HTTP as a browser would (the form, its anti-forgery token, the code an
/// authenticator app shows) and keeps the session's cookies for later requests.
/// </summary>
public sealed partial class PortalSession : IDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly HttpClient http;
    private readonly Uri baseAddress;

    private PortalSession(Uri baseAddress)
    {
        this.baseAddress = baseAddress;
        http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseProxy = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Http => http;

    /// <summary>The Cookie header a request to a portal page carries.</summary>
    public string CookieHeader => cookies.GetCookieHeader(new Uri(baseAddress, "/portal/inbox"));

    public static async Task<PortalSession> SignInAsync(Uri baseAddress, DemoPortalUser user, CancellationToken ct)
    {
        var session = new PortalSession(baseAddress);
        var next = await session.SubmitAsync("/portal/sign-in", [("Input.Email", user.Email), ("Input.Password", user.Password)], ct);
        if (next?.Contains("two-factor", StringComparison.Ordinal) == true)
        {
            if (user.TotpSecret is null) throw new InvalidOperationException($"{user.Email} is asked for a code but has no authenticator key.");
            var code = new Totp(Base32Encoding.ToBytes(user.TotpSecret.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp();
            next = await session.SubmitAsync("/portal/two-factor", [("Code", code)], ct);
        }
        if (next is null || next.Contains("sign-in", StringComparison.Ordinal) || next.Contains("two-factor", StringComparison.Ordinal))
            throw new InvalidOperationException($"Signing in as {user.Email} did not succeed (sent to '{next}').");
        return session;
    }

    /// <summary>GETs the form's page and posts it with its token; returns where the answer redirects.</summary>
    private async Task<string?> SubmitAsync(string path, (string, string)[] fields, CancellationToken ct)
    {
        var html = await http.GetStringAsync(path, ct);
        var token = Token().Match(html);
        if (!token.Success) throw new InvalidOperationException($"{path} carries no anti-forgery token.");
        using var form = new FormUrlEncodedContent([.. fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)),
            new KeyValuePair<string, string>("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]);
        using var response = await http.PostAsync(path, form, ct);
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location?.OriginalString : null;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
