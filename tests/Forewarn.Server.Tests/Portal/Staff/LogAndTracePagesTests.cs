using System.Net;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Tracing;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Transparency;
using Forewarn.Transparency.Notes;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Portal.Staff;

/// <summary>
/// The staff pages of the transparency log (entries newest first, receipts, the checkpoint's
/// signature) and of tracing (the same verdict as the API, logged as the portal user), and the
/// receipt check any signed-in person may run.
/// </summary>
public sealed class LogAndTracePagesTests(LogAndTracePagesTests.Server server) : IClassFixture<LogAndTracePagesTests.Server>
{
    /// <summary>One server with an advisory to trace; each person signs in once (sign-in is rate limited per address).</summary>
    public sealed class Server : IAsyncLifetime
    {
        public ForewarnFactory Factory { get; } = new();
        internal TracedAdvisory Advisory { get; private set; } = null!;
        internal PortalVisitor Ines { get; private set; } = null!;
        internal PortalVisitor Corvid { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Advisory = await TraceProgramme.AddAdvisoryAsync(Factory.Staff());
            Ines = await InesAsync(Factory);
            Corvid = await CorvidAsync(Factory);
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private ForewarnFactory F => server.Factory;

    private Task<PortalVisitor> InesAsync() => Task.FromResult(server.Ines);

    private Task<PortalVisitor> CorvidAsync() => Task.FromResult(server.Corvid);

    private static async Task<PortalVisitor> InesAsync(ForewarnFactory F)
    {
        var ines = F.Credentials.Portal!.Single(p => p.Role == "staff-admin");
        var visitor = new PortalVisitor(F);
        await visitor.PasswordAsync(ines.Email, ines.Password);
        var (r, _) = await visitor.SubmitAsync("/portal/two-factor", ("Code", PortalVisitor.CodeFor(ines.TotpSecret!)));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return visitor;
    }

    private static async Task<PortalVisitor> CorvidAsync(ForewarnFactory F)
    {
        var corvid = F.Credentials.Portal!.Single(p => p.Role == "partner-user");
        var visitor = new PortalVisitor(F);
        await visitor.PasswordAsync(corvid.Email, corvid.Password);
        return visitor;
    }

    [Fact]
    public async Task The_log_page_lists_the_newest_entries_with_a_checkpoint_that_verifies_and_receipts_that_hold()
    {
        var ines = await InesAsync();
        var (page, html) = await ines.GetAsync("/portal/staff/log");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("signed by the log&#x27;s key", html, StringComparison.Ordinal);
        var newest = await F.InStoreAsync(db => db.LogEntries.MaxAsync(e => e.Index));
        Assert.Contains($"Receipt of entry {newest}<", html, StringComparison.Ordinal);

        // Filtered by kind: every row is of that kind.
        var (_, filtered) = await ines.GetAsync("/portal/staff/log?kind=partner.changed");
        var rows = System.Text.RegularExpressions.Regex.Matches(filtered, "<td>([a-z_.]+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, kind => Assert.Equal("partner.changed", kind));

        // The receipt downloaded from the page holds under the log's published key, offline.
        var (receiptResponse, receiptText) = await ines.GetAsync($"/portal/staff/log/receipt?index={newest}");
        Assert.Equal(HttpStatusCode.OK, receiptResponse.StatusCode);
        var key = NoteKey.FromVerifierKey((await F.Staff().GetStringAsync("/log/v1/key")).Trim());
        var receipt = Receipt.Parse(receiptText);
        Assert.Equal(newest, receipt.Index);
        Assert.True(LogVerifier.Receipt(receipt, key).Holds);
        Assert.Equal(HttpStatusCode.NotFound, (await ines.GetAsync("/portal/staff/log/receipt?index=999999999")).Response.StatusCode);
    }

    [Fact]
    public async Task A_receipt_is_verified_in_the_portal_and_an_altered_one_or_garbage_is_refused_with_a_sentence()
    {
        var ines = await InesAsync();
        var index = await F.InStoreAsync(db => db.LogEntries.MinAsync(e => e.Index));
        var (_, receipt) = await ines.GetAsync($"/portal/staff/log/receipt?index={index}");

        // A partner's user can check a receipt too: the check is public.
        var corvid = await CorvidAsync();
        var (ok, okHtml) = await corvid.SubmitAsync("/portal/log/verify", ("Input.Text", receipt));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("class=\"verdict ok\"", okHtml, StringComparison.Ordinal);

        var altered = receipt.Replace($"\"index\":{index},", $"\"index\":{index + 1},", StringComparison.Ordinal);
        Assert.NotEqual(receipt, altered);
        var (_, badHtml) = await corvid.SubmitAsync("/portal/log/verify", ("Input.Text", altered));
        Assert.DoesNotContain("class=\"verdict ok\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("class=\"form-error\" role=\"status\"", badHtml, StringComparison.Ordinal);

        var (_, garbage) = await corvid.SubmitAsync("/portal/log/verify", ("Input.Text", "not a receipt"));
        Assert.Contains("This is not a log receipt", garbage, StringComparison.Ordinal);
        Assert.Contains("id=\"text-error\"", garbage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partners_user_finds_neither_the_log_nor_the_trace_page()
    {
        var corvid = await CorvidAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await corvid.GetAsync("/portal/staff/log")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await corvid.GetAsync("/portal/staff/log/receipt?index=0")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await corvid.GetAsync("/portal/staff/trace")).Response.StatusCode);
        // Signed out: sent to sign in.
        var stranger = new PortalVisitor(F);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/portal/staff/trace")).Response.StatusCode);
    }

    [Fact]
    public async Task A_copy_pasted_into_the_trace_page_names_its_partner_as_the_api_does_and_the_run_is_logged_as_the_portal_user()
    {
        var bastion = F.PartnerInfo(DemoFacts.Trusted);
        var copy = await TraceProgramme.CopyForAsync(F, server.Advisory.Description, bastion.Id);
        var ines = await InesAsync();
        var runs = (await LogEntries.OfKindAsync(F.Staff(), "trace.run")).Count;

        var (page, html) = await ines.SubmitAsync("/portal/staff/trace", ("Input.Text", copy), ("Input.Epsilon", "1e-6"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var shown = WebUtility.HtmlDecode(html);
        var api = await F.Staff().PostJson("/api/v1/trace", new { leaked = copy }, HttpStatusCode.OK);
        Assert.Contains((string)api["verdict"]!, shown, StringComparison.Ordinal);
        Assert.StartsWith("Named Bastion Endpoint Security GmbH", (string)api["verdict"]!, StringComparison.Ordinal);

        var logged = await LogEntries.OfKindAsync(F.Staff(), "trace.run");
        Assert.Equal(runs + 2, logged.Count);
        Assert.Contains(logged, e => e.ToJsonString().Contains("portal-user:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_trace_form_says_what_is_wrong_beside_the_field_and_runs_nothing()
    {
        var ines = await InesAsync();
        var runs = (await LogEntries.OfKindAsync(F.Staff(), "trace.run")).Count;

        var (_, empty) = await ines.SubmitAsync("/portal/staff/trace", ("Input.Text", "  "), ("Input.Epsilon", "1e-6"));
        Assert.Contains("Paste the leaked text or choose the leaked file.", empty, StringComparison.Ordinal);
        var (_, epsilon) = await ines.SubmitAsync("/portal/staff/trace", ("Input.Text", "some text"), ("Input.Epsilon", "tiny"));
        Assert.Contains("is not a number", WebUtility.HtmlDecode(epsilon), StringComparison.Ordinal);
        var (_, range) = await ines.SubmitAsync("/portal/staff/trace", ("Input.Text", "some text"), ("Input.Epsilon", "2"));
        Assert.Contains("strictly between 0 and 1", WebUtility.HtmlDecode(range), StringComparison.Ordinal);
        var (_, big) = await ines.SubmitAsync("/portal/staff/trace", ("Input.Text", new string('a', 300 * 1024)), ("Input.Epsilon", "1e-6"));
        Assert.Contains("more than 256 KB", big, StringComparison.Ordinal);

        Assert.Equal(runs, (await LogEntries.OfKindAsync(F.Staff(), "trace.run")).Count);
    }

    [Fact]
    public async Task A_trace_post_without_its_anti_forgery_token_is_refused()
    {
        var ines = await InesAsync();
        var runs = (await LogEntries.OfKindAsync(F.Staff(), "trace.run")).Count;
        var (r, _) = await ines.PostAsync("/portal/staff/trace", ("Input.Text", "some text"), ("Input.Epsilon", "1e-6"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(runs, (await LogEntries.OfKindAsync(F.Staff(), "trace.run")).Count);
    }
}
