using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Staff;

namespace Forewarn.Server.Tests.Portal.Investigations;

/// <summary>What the investigation page tests do again and again: sign Ines in, find her portal user, post a form with a file.</summary>
internal static partial class Investigators
{
    public static Task<PortalVisitor> InesAsync(ForewarnFactory f) => StaffVisitors.InesAsync(f);

    /// <summary>How a log entry names Ines: her portal user's id, never her e-mail address.</summary>
    public static async Task<string> InesActorAsync(ForewarnFactory f)
    {
        var email = f.Credentials.Portal!.Single(p => p.Role == "staff-admin").Email;
        var users = (await f.Staff().GetJson("/api/v1/portal-users")).AsArray();
        return "portal-user:" + (string)users.Single(u => (string)u!["email"]! == email)!["id"]!;
    }

    /// <summary>GETs <paramref name="page"/>, then posts a multipart form with one file to <paramref name="path"/> with the page's anti-forgery token.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(PortalVisitor visitor, string page, string path,
        (string Name, string Value)[] fields, string fileField, string fileName, string contentType, byte[] content)
    {
        var (shown, html) = await visitor.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new StringContent(WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value)), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.TryAddWithoutValidation("Content-Type", contentType);
        form.Add(file, fileField, fileName);
        var response = await visitor.Http.PostAsync(path, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string ErrorBeside(string html, string errorId) => StaffVisitors.ErrorBeside(html, errorId);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
