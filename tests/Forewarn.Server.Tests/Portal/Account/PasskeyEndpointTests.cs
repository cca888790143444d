using System.Net;
using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Portal.Account;

/// <summary>
/// The server's side of passkeys: the options the passkey script fetches are form posts that need
/// the page's anti-forgery token (and, to add a passkey, a session); an answer that is no passkey
/// signs nobody in; only the pages that offer passkeys may run the one script.
/// </summary>
public sealed class PasskeyEndpointTests
{
    [Fact]
    public async Task Sign_in_options_need_the_anti_forgery_token_and_a_bad_answer_signs_nobody_in()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);

        var (forged, _) = await visitor.PostAsync("/portal/sign-in?handler=PasskeyOptions");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var (options, json) = await visitor.SubmitAsync("/portal/sign-in", "/portal/sign-in?handler=PasskeyOptions");
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.Equal("application/json", options.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"challenge\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rpId\":\"localhost\"", json, StringComparison.Ordinal);
        Assert.Contains("\"userVerification\":\"required\"", json, StringComparison.Ordinal);

        var (refused, html) = await visitor.SubmitAsync("/portal/sign-in", "/portal/sign-in?handler=Passkey",
            ("Credential", """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{}}"""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("That passkey did not sign you in", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync("/portal")).Response.StatusCode);

        var (empty, emptyHtml) = await visitor.SubmitAsync("/portal/sign-in", "/portal/sign-in?handler=Passkey", ("Credential", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("That passkey did not sign you in", emptyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_for_a_new_passkey_need_a_session_the_token_and_a_name()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);
        var (anonymous, _) = await visitor.PostAsync("/portal/account?handler=PasskeyOptions", ("NewPasskey.Name", "laptop"));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, anonymous.StatusCode);

        await AccountTests.SignInAsync(f, visitor, "partner-admin");
        var (forged, _) = await visitor.PostAsync("/portal/account?handler=PasskeyOptions", ("NewPasskey.Name", "laptop"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var (unnamed, sentence) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=PasskeyOptions", ("NewPasskey.Name", ""));
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("Name the passkey", sentence, StringComparison.Ordinal);

        var (options, json) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=PasskeyOptions", ("NewPasskey.Name", "laptop"));
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        Assert.Contains("\"challenge\"", json, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"admin@bastion.example\"", json, StringComparison.Ordinal);

        // An answer that is no passkey adds none, and says why beside the name.
        var (refused, html) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=AddPasskey",
            ("NewPasskey.Name", "laptop"), ("NewPasskey.Credential", "{}"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"passkey-name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("You have no passkeys yet.", html, StringComparison.Ordinal);

        // Removing a passkey the user does not have is not found.
        var (unknown, _) = await visitor.SubmitAsync("/portal/account", "/portal/account?handler=RemovePasskey&id=AAAA");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Only_the_pages_that_offer_passkeys_may_run_the_script()
    {
        await using var f = new ForewarnFactory();
        var visitor = new PortalVisitor(f);
        var (signIn, html) = await visitor.GetAsync("/portal/sign-in");
        var policy = string.Join(";", signIn.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/portal/passkeys.js\" defer></script>", html, StringComparison.Ordinal);

        var (script, text) = await visitor.GetAsync("/portal/passkeys.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("parseRequestOptionsFromJSON", text, StringComparison.Ordinal);

        await AccountTests.SignInAsync(f, visitor, "partner-user");
        var (home, homeHtml) = await visitor.GetAsync("/portal");
        Assert.DoesNotContain("script-src", string.Join(";", home.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", homeHtml, StringComparison.Ordinal);
        var (account, _) = await visitor.GetAsync("/portal/account");
        Assert.Contains("script-src 'self'", string.Join(";", account.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
