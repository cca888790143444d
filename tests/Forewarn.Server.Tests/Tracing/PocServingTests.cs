using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Tests.Shared;
using Forewarn.Tracing.Tardos;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>
/// A Python PoC: checked at upload (a PoC that does not parse, or whose templates break it, is
/// refused and nothing is saved), its capacity shown to staff, each partner's copy parses, and a
/// leaked copy is traced to the partner who downloaded it.
/// </summary>
public sealed class PocServingTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task<JsonNode> UploadAsync(HttpClient staff, string reference, string title, string source, HttpStatusCode expected) =>
        await staff.PostJson($"/api/v1/advisories/{reference}/artifacts", new
        {
            title, @class = "poc", tlp = "RED", contentBase64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(source)),
            fileName = "halcyon_overflow.py", mediaType = "text/x-python",
        }, expected);

    [Fact]
    public async Task A_python_poc_is_served_per_partner_every_copy_parses_and_a_leaked_copy_names_its_partner()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var added = await UploadAsync(staff, reference, "Header overflow PoC", TracingSamples.PythonPoc, HttpStatusCode.Created);
        var id = (string)added["id"]!;
        var fingerprint = added["fingerprint"]!;
        Assert.Equal("python", (string?)fingerprint["method"]);
        var sites = (int)fingerprint["sites"]!;
        Assert.True(sites >= 20, $"only {sites} marks");
        Assert.Equal(sites, fingerprint["kinds"]!.AsObject().Sum(k => (int)k.Value!));
        Assert.Null((string?)added["unmarked"]);

        var wave = await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = _f.Clock.GetUtcNow(), artifactIds = new[] { id } }, HttpStatusCode.Created);
        var planned = wave["fingerprints"]!.AsArray().Single()!;
        Assert.Equal(id, (string?)planned["artifactId"]);
        var recipients = (int)planned["recipients"]!;
        Assert.InRange(recipients, 2, 14); // the Trusted tier less the withheld and restricted partners, and whoever else may get PoCs
        Assert.Equal(AccusationThreshold.ColludersResisted(sites, recipients, 1e-6), (int)planned["colludersResisted"]!);
        Assert.Equal(AccusationThreshold.SitesNeeded(2, recipients, 1e-6), (int)planned["sitesNeededFor2"]!);
        Assert.Equal((int)planned["colludersResisted"]! < 2, ((string?)planned["warning"]) is not null);
        Assert.Equal(wave["warnings"]!.AsArray().Count, planned["warning"] is null ? 0 : 1);

        _f.Clock.Advance(TimeSpan.FromDays(2)); // inside the Trusted tier's three days before release
        var copies = new Dictionary<string, string>();
        foreach (var name in new[] { DemoFacts.Trusted, "Fjordwatch", "Oakridge" })
        {
            var response = await _f.Partner(name).GetAsync($"/api/v1/me/artifacts/{id}/content");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            copies[name] = await response.Content.ReadAsStringAsync();
            Assert.True(CPython.Parses(copies[name]), $"{name}'s copy does not parse");
        }
        Assert.Equal(3, copies.Values.Distinct().Count());
        Assert.Equal(copies[DemoFacts.Trusted], await _f.Partner(DemoFacts.Trusted).GetStringAsync($"/api/v1/me/artifacts/{id}/content"));

        // Fjordwatch's copy leaks: the trace (the one the API and every other caller runs) names Fjordwatch, and nobody else.
        var trace = await staff.PostJson("/api/v1/trace", new { artifactId = id, leaked = copies["Fjordwatch"] }, HttpStatusCode.OK);
        Assert.Equal(_f.PartnerInfo("Fjordwatch").Id, Guid.Parse((string)Assert.Single(trace["accused"]!.AsArray())!["partnerId"]!));
        Assert.Equal(sites, (int)trace["marksRead"]! + (int)trace["marksSetAside"]!);
    }

    [Fact]
    public async Task A_poc_that_does_not_parse_or_whose_template_breaks_it_is_refused_and_nothing_is_saved()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var before = (await DemoFacts.Advisory(staff, reference))["artifacts"]!.AsArray().Count;

        var broken = await (await staff.PostAsJsonAsync($"/api/v1/advisories/{reference}/artifacts", new
        {
            title = "Broken", @class = "poc", tlp = "RED", text = TracingSamples.BrokenPython, fileName = "broken.py", mediaType = "text/x-python",
        })).Problem(HttpStatusCode.UnprocessableEntity, "poc-does-not-parse");
        Assert.Contains("does not parse", (string?)broken["detail"], StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", (string?)broken["detail"], StringComparison.Ordinal);

        var template = await (await staff.PostAsJsonAsync($"/api/v1/advisories/{reference}/artifacts", new
        {
            title = "Template", @class = "poc", tlp = "RED", text = TracingSamples.PythonWithBreakingTemplate, fileName = "args.py",
        })).Problem(HttpStatusCode.UnprocessableEntity, "template-breaks-copy");
        Assert.Contains("line 4", (string?)template["detail"], StringComparison.Ordinal);

        Assert.Equal(before, (await DemoFacts.Advisory(staff, reference))["artifacts"]!.AsArray().Count);
        Assert.Equal(0, await _f.InStoreAsync(db => db.Artifacts.CountAsync(a => a.Title == "Broken" || a.Title == "Template")));
    }

    [Fact]
    public async Task Staff_see_capacity_in_artifact_show_and_warnings_for_a_short_text()
    {
        var staff = _f.Staff();
        var reference = DemoFacts.EmbargoReference(_f);
        var description = await staff.GetJson($"/api/v1/artifacts/{await DemoFacts.ArtifactId(staff, reference, "description")}");
        var fingerprint = description["fingerprint"]!;
        Assert.Equal("text", (string?)fingerprint["method"]);
        Assert.True((int)fingerprint["sites"]! > 0);
        Assert.True((int)fingerprint["recipients"]! > 0);
        Assert.Equal(1e-6, (double)fingerprint["epsilon"]!);
        Assert.Equal(AccusationThreshold.ColludersResisted((int)fingerprint["sites"]!, (int)fingerprint["recipients"]!, 1e-6),
            (int)fingerprint["colludersResisted"]!);

        var indicators = await staff.GetJson($"/api/v1/artifacts/{await DemoFacts.ArtifactId(staff, reference, "indicators")}");
        Assert.Null(indicators["fingerprint"]);
        Assert.Contains("must stay exact", (string?)indicators["unmarked"], StringComparison.Ordinal);

        var shortText = await staff.PostJson($"/api/v1/advisories/{reference}/artifacts",
            new { title = "Short note", @class = "description", tlp = "AMBER", text = "The agent loads a library from its cache." }, HttpStatusCode.Created);
        Assert.Contains("carries", (string?)shortText["fingerprint"]!["warning"], StringComparison.Ordinal);
        Assert.Contains("would open to if a wave published it now", (string?)shortText["fingerprint"]!["recipientsCounted"], StringComparison.Ordinal);
        var wave = await staff.PostJson($"/api/v1/advisories/{reference}/waves",
            new { kind = "update", at = _f.Clock.GetUtcNow(), artifactIds = new[] { (string)shortText["id"]! } }, HttpStatusCode.Created);
        var warning = (string?)Assert.Single(wave["warnings"]!.AsArray());
        Assert.StartsWith("The technical description \"Short note\" carries", warning, StringComparison.Ordinal);
        Assert.Contains("lone leaker", warning, StringComparison.Ordinal);

        var report = await staff.GetJson($"/api/v1/advisories/{reference}/fingerprints");
        Assert.Contains(report["fingerprints"]!.AsArray(), f => (string?)f!["title"] == "Short note");
        Assert.Contains(report["warnings"]!.AsArray(), w => (string?)w == warning);
        Assert.Contains("must stay exact", (string?)report["unmarked"]![(string)indicators["id"]!], StringComparison.Ordinal);

        // All the fingerprinted artifacts together: one code across the advisory.
        var all = report["advisory"]!;
        var marked = report["fingerprints"]!.AsArray();
        Assert.Equal(marked.Sum(f => (int)f!["sites"]!), (int)all["sites"]!);
        Assert.Equal(marked.Max(f => (int)f!["recipients"]!), (int)all["recipients"]!);
        var recipients = Math.Max(1, (int)all["recipients"]!);
        Assert.Equal(Math.Min(2, AccusationThreshold.ColludersResisted((int)all["sites"]!, recipients, 1e-6)), (int)all["colludersResisted"]!);
        Assert.Equal(AccusationThreshold.ColludersResistedMixing((int)all["sites"]!, recipients, 1e-6), (int)all["colludersResistedMixing"]!);
        Assert.Equal(AccusationThreshold.SitesNeededMixing(3, recipients, 1e-6), (int)all["sitesNeededFor3Mixing"]!);
        Assert.NotEmpty(all["advice"]!.AsArray());
        if ((int)all["sites"]! < (int)all["sitesNeededFor3Mixing"]!)
            Assert.Contains(all["advice"]!.AsArray(), a => ((string?)a)!.Contains("detail alternatives with eight variants", StringComparison.Ordinal));
        Assert.All(marked, f => Assert.Equal(2, (int)f!["markerVersion"]!));
        Assert.All(marked.Where(f => (string?)f!["method"] == "text"), f =>
        {
            Assert.Equal((int)f!["sites"]! > 0, (double)f["marksPer1000Words"]! > 0);
            Assert.Null(f["marksPer100Lines"]);
        });
        Assert.All(marked.Where(f => (string?)f!["method"] != "text"), f => Assert.True((double)f!["marksPer100Lines"]! > 0));
    }
}
