using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Staff;

/// <summary>The people who open the staff pages in these tests: Ines (staff-admin), a staff analyst or publisher made by invitation, a partner's user.</summary>
internal static partial class StaffVisitors
{
    /// <summary>Every staff page of this area (GET), for the access tests.</summary>
    public static readonly string[] Pages =
    [
        "/portal/staff", "/portal/staff/partners", "/portal/staff/policy", "/portal/staff/explain", "/portal/staff/cases",
        "/portal/staff/exposure", "/portal/staff/sightings",
    ];

    public static async Task<PortalVisitor> InesAsync(ForewarnFactory f)
    {
        var ines = f.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var visitor = new PortalVisitor(f);
        Assert.Equal("/portal/two-factor", await visitor.PasswordAsync(ines.Email, ines.Password));
        var (done, _) = await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(ines.TotpSecret!)));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return visitor;
    }

    public static async Task<PortalVisitor> CorvidUserAsync(ForewarnFactory f)
    {
        var corvid = f.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(f);
        await visitor.PasswordAsync(corvid.Email, corvid.Password);
        return visitor;
    }

    /// <summary>A staff member invited as <paramref name="role"/> (staff-analyst, staff-publisher) through the invitations API, accepted and enrolled in the portal: signed in.</summary>
    public static async Task<PortalVisitor> InvitedStaffAsync(ForewarnFactory f, string role)
    {
        var invitation = await f.Staff().PostJson("/api/v1/invitations", new { email = $"{role}@halcyon.example", role }, HttpStatusCode.Created);
        var link = new Uri((string)invitation["link"]!).PathAndQuery;
        var visitor = new PortalVisitor(f);
        var (accepted, _) = await visitor.SubmitAsync(link, ("Input.Name", $"Noor {role}"), ("Input.Password", "a long enough password"),
            ("Input.Confirm", "a long enough password"));
        Assert.Equal("/portal/enrol", accepted.Headers.Location!.OriginalString);
        var (_, enrolPage) = await visitor.GetAsync("/portal/enrol");
        var key = AuthenticatorKey().Match(enrolPage).Groups[1].Value;
        await visitor.SubmitAsync("/portal/enrol", ("Code", PortalVisitor.CodeFor(key)));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal")).Response.StatusCode);
        return visitor;
    }

    /// <summary>The text of the element with <paramref name="id"/> (its first text run), HTML-decoded.</summary>
    public static string TextOf(string html, string id) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>([^<]*)<").Groups[1].Value).Trim();

    /// <summary>The error shown beside a field (the span after its input, by id).</summary>
    public static string ErrorBeside(string html, string errorId) => TextOf(html, errorId);

    public static async Task<string> CaseReferenceAsync(ForewarnFactory f) =>
        (string)(await f.Staff().GetJson("/api/v1/cases")).AsArray()[0]!["reference"]!;

    [GeneratedRegex("id=\"authenticator-key\">([A-Z2-7 ]+)<")]
    private static partial Regex AuthenticatorKey();
}
