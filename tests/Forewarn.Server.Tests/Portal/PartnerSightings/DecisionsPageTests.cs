using System.Net;
using Forewarn.Server.Tests.Cases;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Portal.Advisories;
using Forewarn.Server.Tests.Portal.Partner;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;

namespace Forewarn.Server.Tests.Portal.PartnerSightings;

/// <summary>The decisions page shows what <c>/api/v1/me/decisions</c> shows; an appeal made on it is the API's, seen in the staff's case.</summary>
public sealed class DecisionsPageTests
{
    private const string Page = "/portal/decisions";

    [Fact]
    public async Task An_appeal_made_on_the_page_shows_in_the_staff_case_and_its_entry_names_the_user()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var corvid = f.PartnerInfo(DemoFacts.Validate).Id;
        var reference = await CaseSteps.OpenAsync(staff);
        var warning = (string)(await CaseSteps.DecidedAsync(staff, reference, corvid, "warning"))["id"]!;
        var visitor = await CorvidAtThePortal.SignInAsync(f);

        var (shown, html) = await visitor.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var api = Assert.Single((await f.Partner(DemoFacts.Validate).GetJson("/api/v1/me/decisions")).AsArray())!;
        Assert.Equal(warning, (string?)api["id"]);
        Assert.Contains($"id=\"decision-{warning}\"", html, StringComparison.Ordinal);
        Assert.Contains((string)api["reason"]!, html, StringComparison.Ordinal);
        Assert.Contains($"id=\"appeal-{warning}\"", html, StringComparison.Ordinal);

        var (empty, emptyHtml) = await visitor.SubmitAsync(Page, $"{Page}?handler=Appeal", ("Appeal.Decision", warning), ("Appeal.Text", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Say why the decision should be changed.", StaffPortal.Beside(emptyHtml, $"appeal-error-{warning}"));
        var (forged, _) = await visitor.PostAsync($"{Page}?handler=Appeal", ("Appeal.Decision", warning), ("Appeal.Text", "Forged"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var (unknown, _) = await visitor.SubmitAsync(Page, $"{Page}?handler=Appeal", ("Appeal.Decision", Guid.NewGuid().ToString()), ("Appeal.Text", "Not ours"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null((await CaseSteps.CaseAsync(staff, reference))["decisions"]![0]!["appeal"]);

        var (sent, _) = await visitor.SubmitAsync(Page, $"{Page}?handler=Appeal", ("Appeal.Decision", warning), ("Appeal.Text", "The copy was a decoy we planted."));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var user = await CorvidAtThePortal.UserNameAsync(f);
        var appeal = (await CaseSteps.CaseAsync(staff, reference))["decisions"]![0]!["appeal"]!;
        Assert.Equal(("The copy was a decoy we planted.", user), ((string?)appeal["text"], (string?)appeal["by"]));
        var entry = await LogEntries.SingleAsync(staff, LogKinds.CaseAppeal, "case", reference);
        Assert.Equal(user, (string?)entry["entry"]!["actor"]);
        Assert.DoesNotContain(CorvidAtThePortal.Email(f), entry.ToJsonString(), StringComparison.Ordinal);

        // Appealed: a sentence instead of the form; a second appeal posted anyway is refused beside the field.
        var after = (await visitor.GetAsync(Page)).Html;
        Assert.Contains("You appealed on", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"appeal-{warning}\"", after, StringComparison.Ordinal);
        // (The page has no form left, so the token comes from another page: tokens are the session's, not the page's.)
        var (again, againHtml) = await visitor.SubmitAsync("/portal/sightings", $"{Page}?handler=Appeal", ("Appeal.Decision", warning), ("Appeal.Text", "Again"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.StartsWith("This decision was appealed", StaffPortal.Beside(againHtml, $"appeal-error-{warning}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_partners_decisions_are_not_on_the_page_and_cannot_be_appealed_from_it()
    {
        await using var f = new ForewarnFactory();
        var staff = f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var bastions = (string)(await CaseSteps.DecidedAsync(staff, reference, f.PartnerInfo(DemoFacts.Trusted).Id, "warning"))["id"]!;
        var visitor = await CorvidAtThePortal.SignInAsync(f);
        var (_, html) = await visitor.GetAsync(Page);
        Assert.Contains("There are no decisions about your organisation.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(bastions, html, StringComparison.Ordinal);
        var (other, _) = await visitor.SubmitAsync("/portal/sightings", $"{Page}?handler=Appeal", ("Appeal.Decision", bastions), ("Appeal.Text", "Not ours"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
