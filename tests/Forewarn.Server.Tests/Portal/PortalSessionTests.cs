using System.Net;
using Forewarn.Domain.Accounts;
using Forewarn.Server.Demo;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Storage.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Portal;

/// <summary>
/// A portal session is re-checked on every request: a suspended partner's user and a disabled user
/// are signed out on their next page; sessions end after 30 idle minutes and 8 hours at most;
/// a staff role without a second factor must enrol one (QR code, key in text, recovery codes once).
/// </summary>
public sealed class PortalSessionTests
{
    private static DemoPortalUser Person(ForewarnFactory f, string role) => f.Credentials.Portal!.Single(p => p.Role == role);

    private static async Task<PortalVisitor> SignedInCorvidAsync(ForewarnFactory f)
    {
        var corvid = Person(f, "partner-user");
        var visitor = new PortalVisitor(f);
        Assert.Equal("/portal", await visitor.PasswordAsync(corvid.Email, corvid.Password));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal")).Response.StatusCode);
        return visitor;
    }

    private static async Task AssertSentToSignInAsync(PortalVisitor visitor)
    {
        var (r, _) = await visitor.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Contains("/portal/sign-in", r.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspended_partners_user_is_signed_out_on_the_next_request_and_cannot_sign_in_again()
    {
        await using var f = new ForewarnFactory();
        var visitor = await SignedInCorvidAsync(f);
        await f.Staff().PostJson($"/api/v1/partners/{f.PartnerInfo(DemoFacts.Validate).Id}/status",
            new { status = "suspended", reason = "Suspected leak under investigation" }, HttpStatusCode.OK);

        await AssertSentToSignInAsync(visitor);
        var corvid = Person(f, "partner-user");
        var (again, html) = await visitor.SubmitAsync("/portal/sign-in", ("Input.Email", corvid.Email), ("Input.Password", corvid.Password));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("its organisation&#x27;s access is suspended", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_on_the_next_request()
    {
        await using var f = new ForewarnFactory();
        var visitor = await SignedInCorvidAsync(f);
        var email = Person(f, "partner-user").Email;
        await f.InStoreAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.DisabledAt = f.Clock.GetUtcNow();
            return await db.SaveChangesAsync();
        });
        await AssertSentToSignInAsync(visitor);
    }

    [Fact]
    public async Task A_user_disabled_through_another_server_is_signed_out_on_the_next_request_here()
    {
        await using var f = new ForewarnFactory();
        var visitor = await SignedInCorvidAsync(f);
        // Pages served here keep the user's session facts in memory …
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal/inbox")).Response.StatusCode);
        var email = Person(f, "partner-user").Email;
        await using (var second = new SecondServer(f))
        {
            await using var scope = second.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Forewarn.Storage.ForewarnDb>();
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.DisabledAt = f.Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }
        // … and the change made by the other process still counts on the very next one.
        await AssertSentToSignInAsync(visitor);
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_and_after_8_hours_however_active()
    {
        await using var f = new ForewarnFactory();
        var idle = await SignedInCorvidAsync(f);
        f.Clock.Advance(TimeSpan.FromMinutes(31));
        await AssertSentToSignInAsync(idle);

        var busy = await SignedInCorvidAsync(f);
        for (var i = 0; i < 16; i++) // a request every 29 minutes keeps it alive for 7 h 44 min …
        {
            f.Clock.Advance(TimeSpan.FromMinutes(29));
            Assert.True((await busy.GetAsync("/portal")).Response.StatusCode == HttpStatusCode.OK, $"refused after {i + 1} × 29 minutes");
        }
        f.Clock.Advance(TimeSpan.FromMinutes(29)); // … but not past 8 hours from its sign-in
        await AssertSentToSignInAsync(busy);
    }

    [Fact]
    public async Task A_staff_user_without_a_second_factor_enrols_one_and_then_needs_it()
    {
        await using var f = new ForewarnFactory();
        const string email = "analyst@halcyon.example", password = "an-analyst-password";
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Forewarn.Storage.ForewarnDb>();
            var member = (await db.StaffMembers.AsNoTracking().FirstAsync(m => m.Name == DemoProgram.SecondStaffMember)).Id;
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var made = await users.CreateAsync(PortalUser.Create(email, DemoProgram.SecondStaffMember, PortalRole.StaffAnalyst, null, member, f.Clock.GetUtcNow()), password);
            Assert.True(made.Succeeded);
        }
        var visitor = new PortalVisitor(f);
        Assert.Equal("/portal/enrol", await visitor.PasswordAsync(email, password));
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/portal")).Response.StatusCode);

        var (page, html) = await visitor.GetAsync("/portal/enrol");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(html, "id=\"authenticator-key\">([A-Z2-7 ]+)<").Groups[1].Value;
        Assert.True(key.Replace(" ", "", StringComparison.Ordinal).Length >= 16, html);

        var (enrolled, codesPage) = await visitor.SubmitAsync("/portal/enrol", ("Code", PortalVisitor.CodeFor(key)));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        var codes = System.Text.RegularExpressions.Regex.Matches(codesPage, "<li>([^<]+)</li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/portal")).Response.StatusCode);

        // Signed out, the password now leads to the code step; a recovery code works once.
        var (signedOut, _) = await visitor.SubmitAsync("/portal/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        await AssertSentToSignInAsync(visitor);
        var again = new PortalVisitor(f);
        Assert.Equal("/portal/two-factor", await again.PasswordAsync(email, password));
        var (recovered, _) = await again.SubmitAsync("/portal/two-factor", ("RecoveryCode", codes[0]));
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/portal")).Response.StatusCode);

        var third = new PortalVisitor(f);
        Assert.Equal("/portal/two-factor", await third.PasswordAsync(email, password));
        var (reused, reusedPage) = await third.SubmitAsync("/portal/two-factor", ("RecoveryCode", codes[0]));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("already used", reusedPage, StringComparison.Ordinal);
    }
}
