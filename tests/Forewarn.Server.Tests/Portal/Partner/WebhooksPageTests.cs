using System.Net;
using System.Text.RegularExpressions;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Partner;

/// <summary>A partner admin's webhooks page: the same endpoints the API lists for the partner's key, a secret shown once, refusals beside the field.</summary>
public sealed partial class WebhooksPageTests
{
    private static async Task<PortalVisitor> SignInAsBastionAdminAsync(ForewarnFactory f)
    {
        var admin = f.Credentials.Portal!.Single(p => p.Role == "partner-admin");
        var visitor = new PortalVisitor(f);
        await visitor.PasswordAsync(admin.Email, admin.Password);
        var (r, _) = await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(admin.TotpSecret!)));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return visitor;
    }

    [Fact]
    public async Task A_partner_admin_adds_an_endpoint_sees_its_secret_once_and_rotates_it()
    {
        await using var f = new ForewarnFactory();
        var visitor = await SignInAsBastionAdminAsync(f);
        var bastion = f.Partner(DemoFacts.Trusted);
        var before = (await bastion.GetJson("/api/v1/me/webhooks")).AsArray().Count;

        var (added, html) = await visitor.SubmitAsync("/portal/webhooks", "/portal/webhooks?handler=Add",
            ("Add.Url", "https://hooks.bastion.example/forewarn"), ("Add.Events", "wave.published"), ("Add.Events", "advisory.released"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var secret = Secret().Match(html).Groups[1].Value;
        Assert.NotEmpty(secret);

        var api = (await bastion.GetJson("/api/v1/me/webhooks")).AsArray();
        Assert.Equal(before + 1, api.Count);
        var endpoint = api.Single(e => (string?)e!["url"] == "https://hooks.bastion.example/forewarn")!;
        Assert.Equal(["wave.published", "advisory.released"], endpoint["events"]!.AsArray().Select(e => (string)e!));
        // Shown once: not on the page again.
        Assert.DoesNotContain(secret, (await visitor.GetAsync("/portal/webhooks")).Html, StringComparison.Ordinal);

        var (rotated, rotatedHtml) = await visitor.SubmitAsync("/portal/webhooks", $"/portal/webhooks?handler=Rotate&endpoint={endpoint["id"]}");
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = Secret().Match(rotatedHtml).Groups[1].Value;
        Assert.NotEmpty(second);
        Assert.NotEqual(secret, second);

        // The log names the user by id as the actor.
        var entries = (await f.Staff().GetJson($"/api/v1/log/entries?kind=webhook.changed&partner={f.PartnerInfo(DemoFacts.Trusted).Id}"))["entries"]!.AsArray();
        Assert.Contains(entries, e => (string?)e!["entry"]!["change"] == "rotated" && ((string?)e["entry"]!["actor"])!.StartsWith("portal-user:", StringComparison.Ordinal));

        var (stopped, _) = await visitor.SubmitAsync("/portal/webhooks", $"/portal/webhooks?handler=Stop&endpoint={endpoint["id"]}");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.False((bool)(await bastion.GetJson("/api/v1/me/webhooks")).AsArray().Single(e => (string?)e!["id"] == (string?)endpoint["id"])!["enabled"]!);
    }

    [Fact]
    public async Task Bad_input_is_shown_beside_the_field_and_other_partners_and_users_find_nothing()
    {
        await using var f = new ForewarnFactory();
        var visitor = await SignInAsBastionAdminAsync(f);
        var count = await f.InStoreAsync(db => db.WebhookEndpoints.CountAsync());

        var (plain, html) = await visitor.SubmitAsync("/portal/webhooks", "/portal/webhooks?handler=Add", ("Add.Url", "http://hooks.bastion.example/"));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Matches("id=\"url-error\"[^>]*>&#x27;http://hooks.bastion.example/&#x27; is not HTTPS", html);
        var (empty, emptyHtml) = await visitor.SubmitAsync("/portal/webhooks", "/portal/webhooks?handler=Add", ("Add.Url", ""));
        Assert.Matches("id=\"url-error\"[^>]*>Enter the HTTPS address", emptyHtml);
        var (forged, _) = await visitor.PostAsync("/portal/webhooks?handler=Add", ("Add.Url", "https://hooks.bastion.example/x"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(count, await f.InStoreAsync(db => db.WebhookEndpoints.CountAsync()));

        // Another partner's endpoint cannot be rotated from here.
        var other = await f.Partner(DemoFacts.Validate).PostJson("/api/v1/me/webhooks", new { url = "https://hooks.corvid.example/x" }, HttpStatusCode.Created);
        var (foreign, _) = await visitor.SubmitAsync("/portal/webhooks", $"/portal/webhooks?handler=Rotate&endpoint={other["endpoint"]!["id"]}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        // A partner user (no partner:webhooks) does not find the page.
        var corvid = await CorvidAtThePortal.SignInAsync(f);
        Assert.Equal(HttpStatusCode.NotFound, (await corvid.GetAsync("/portal/webhooks")).Response.StatusCode);
    }

    [GeneratedRegex("id=\"new-secret\">([^<]+)<")]
    private static partial Regex Secret();
}
