using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using OtpNet;

namespace Forewarn.Server.Tests.Portal;

/// <summary>
/// A person in a browser, as far as the server can tell: keeps cookies, does not follow redirects
/// (tests assert where they lead), and posts forms with the anti-forgery token the page it GETs carries.
/// </summary>
internal sealed partial class PortalVisitor(ForewarnFactory f)
{
    public HttpClient Http { get; } = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs the form's page, then posts <paramref name="fields"/> with its anti-forgery token.</summary>
    public Task<(HttpResponseMessage Response, string Html)> SubmitAsync(string path, params (string Name, string Value)[] fields) =>
        SubmitAsync(path, path, fields);

    /// <summary>GETs <paramref name="page"/>, then posts its form to <paramref name="path"/> with the page's anti-forgery token.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(string page, string path, params (string Name, string Value)[] fields)
    {
        var (shown, html) = await GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var token = Token().Match(html);
        Assert.True(token.Success, $"{path} has no anti-forgery token");
        return await PostAsync(path, [.. fields, ("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]);
    }

    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        var response = await Http.PostAsync(path, new FormUrlEncodedContent(fields.Select(x => new KeyValuePair<string, string>(x.Name, x.Value))));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in with a password; returns where the server sends the person next.</summary>
    public async Task<string?> PasswordAsync(string email, string password)
    {
        var (r, _) = await SubmitAsync("/portal/sign-in", ("Input.Email", email), ("Input.Password", password));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return r.Headers.Location?.OriginalString;
    }

    /// <summary>The code an authenticator app shows now for <paramref name="base32Key"/> (RFC 6238: SHA-1, 30 s, 6 digits).</summary>
    public static string CodeFor(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
