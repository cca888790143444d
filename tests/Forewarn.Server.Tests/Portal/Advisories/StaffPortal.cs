using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Transparency;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Advisories;

/// <summary>People in the portal for the staff advisory pages' tests: Ines (staff-admin), an invited staff analyst, Corvid's user.</summary>
internal static partial class StaffPortal
{
    /// <summary>Log entries of the changes the advisory pages make (jobs running meanwhile log other kinds).</summary>
    public static Task<int> ChangesLoggedAsync(ForewarnFactory f) => f.InStoreAsync(db => db.LogEntries.CountAsync(e =>
        e.Kind == LogKinds.AdvisoryChanged || e.Kind == LogKinds.ArtifactAdded || e.Kind == LogKinds.WaveChanged));

    public static async Task<PortalVisitor> InesAsync(ForewarnFactory f)
    {
        var ines = f.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var visitor = new PortalVisitor(f);
        await visitor.PasswordAsync(ines.Email, ines.Password);
        var (r, _) = await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(ines.TotpSecret!)));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return visitor;
    }

    /// <summary>A staff analyst (staff:read, no staff:write), invited by staff and enrolled with an authenticator.</summary>
    public static async Task<PortalVisitor> AnalystAsync(ForewarnFactory f)
    {
        var invitation = await f.Staff().PostJson("/api/v1/invitations", new { email = "noor@halcyon.example", role = "staff-analyst" }, HttpStatusCode.Created);
        var visitor = new PortalVisitor(f);
        var link = new Uri((string)invitation["link"]!).PathAndQuery;
        await visitor.SubmitAsync(link, ("Input.Name", "Noor Analyst"), ("Input.Password", "analyst password"), ("Input.Confirm", "analyst password"));
        var (_, enrol) = await visitor.GetAsync("/portal/enrol");
        var key = Regex.Match(enrol, "id=\"authenticator-key\">([A-Z2-7 ]+)<").Groups[1].Value;
        await visitor.SubmitAsync("/portal/enrol", ("Code", PortalVisitor.CodeFor(key)));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal")).Response.StatusCode);
        return visitor;
    }

    public static async Task<PortalVisitor> PartnerUserAsync(ForewarnFactory f)
    {
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(f);
        await visitor.PasswordAsync(corvid.Email, corvid.Password);
        return visitor;
    }

    /// <summary>GETs <paramref name="page"/>, then posts a multipart form (fields and one file) to it with the page's anti-forgery token.</summary>
    public static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(PortalVisitor visitor, string page,
        (string Name, string Value)[] fields, string fileField, string fileName, string contentType, byte[] content)
    {
        var (_, html) = await visitor.GetAsync(page);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        form.Add(new StringContent(TokenOf(html)), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.TryAddWithoutValidation("Content-Type", contentType);
        form.Add(file, fileField, fileName);
        var response = await visitor.Http.PostAsync(page, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every field of the page's form as a browser would send it (inputs with a value, text areas, the token), with <paramref name="changes"/> made.</summary>
    public static IEnumerable<(string Name, string Value)> FieldsOf(string html, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in Regex.Matches(html, "<input[^>]*>"))
        {
            var name = Regex.Match(input.Value, "name=\"([^\"]+)\"");
            var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
            if (name.Success && !input.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal))
                fields[name.Groups[1].Value] = WebUtility.HtmlDecode(value.Groups[1].Value);
        }
        foreach (Match area in Regex.Matches(html, "<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline))
            fields[area.Groups[1].Value] = WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\r', '\n');
        foreach (var (name, value) in changes) fields[name] = value;
        return fields.Select(x => (x.Key, x.Value));
    }

    public static string TokenOf(string html)
    {
        var token = Token().Match(html);
        Assert.True(token.Success, "the page has no anti-forgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>The text of the element with <paramref name="id"/> (a field's error span, the score beside the field).</summary>
    public static string Beside(string html, string id)
    {
        var m = Regex.Match(html, $"<[a-z]+[^>]*id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : "";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
