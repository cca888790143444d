using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Forewarn.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>One server with the demo programme and the advisory to trace, shared by the tests of a class.</summary>
public sealed class TraceServer : IAsyncLifetime
{
    public ForewarnFactory Factory { get; } = new();
    internal TracedAdvisory Advisory { get; private set; } = null!;

    public async Task InitializeAsync() => Advisory = await TraceProgramme.AddAdvisoryAsync(Factory.Staff());

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>POST /api/v1/trace: a partner's copy, whole or mangled, names that partner and no one else; text that is no copy names no one.</summary>
public sealed class TraceApiTests(TraceServer server) : IClassFixture<TraceServer>
{
    private ForewarnFactory F => server.Factory;

    private static async Task<JsonNode> Trace(HttpClient staff, object body) =>
        await staff.PostJson("/api/v1/trace", body, HttpStatusCode.OK);

    [Fact]
    public async Task An_untouched_copy_names_its_partner_and_no_one_else()
    {
        var bastion = F.PartnerInfo(DemoFacts.Trusted);
        var copy = await TraceProgramme.CopyForAsync(F, server.Advisory.Description, bastion.Id);

        var trace = await Trace(F.Staff(), new { artifactId = server.Advisory.Description, leaked = copy });

        var accused = Assert.Single(trace["accused"]!.AsArray());
        Assert.Equal(bastion.Id, (Guid)accused!["partnerId"]!);
        Assert.Equal("Bastion Endpoint Security GmbH", (string?)accused["partnerName"]);
        Assert.Equal(server.Advisory.Description, (string?)trace["artifactId"]);
        Assert.Equal(server.Advisory.Reference, (string?)trace["advisoryReference"]);
        Assert.Equal("Technical description", (string?)trace["artifactTitle"]);
        Assert.Equal("text", (string?)trace["method"]);
        Assert.True((int)trace["sites"]! >= 60, $"The description offers {trace["sites"]} sites.");
        // Every mark is found; an untouched copy looks normalised by chance about once in 2,000, and then some are set aside.
        Assert.Equal((int)trace["sites"]!, (int)trace["marksRead"]! + (int)trace["marksSetAside"]!);
        Assert.Equal(await F.InStoreAsync(db => db.Partners.CountAsync()), (int)trace["population"]!);
        Assert.Equal(1e-6, (double)trace["epsilon"]!);
        Assert.True((double)accused["score"]! > (double)trace["threshold"]!);
        Assert.DoesNotContain(trace["nearMisses"]!.AsArray(), n => (Guid)n!["partnerId"]! == bastion.Id);
        Assert.All(trace["nearMisses"]!.AsArray(), n => Assert.True((double)n!["score"]! <= (double)trace["threshold"]!));
        Assert.StartsWith("Named Bastion Endpoint Security GmbH (score ", (string?)trace["verdict"]);
        // The copy reads marks no normaliser reaches (its orders) and word marks too: a second test over the former runs, each at ε/2.
        Assert.EndsWith("the chance that anyone innocent is named is at most 1e-6 (two tests, each held to 5e-7).", (string?)trace["verdict"]);
        var second = trace["unreached"]!;
        Assert.InRange((int)second["marksRead"]!, 1, (int)trace["marksRead"]! - 1);
        Assert.True(double.IsFinite((double)second["threshold"]!));
        Assert.NotNull(accused["unreachedScore"]); // every scored partner carries both scores
        Assert.Null(trace["candidates"]); // the artifact was given

        // A looser bound lowers the threshold.
        var loose = await Trace(F.Staff(), new { artifactId = server.Advisory.Description, leaked = copy, epsilon = 0.01 });
        Assert.True((double)loose["threshold"]! < (double)trace["threshold"]!);
    }

    [Fact]
    public async Task A_fragment_mangled_by_mail_still_names_its_partner()
    {
        var fjordwatch = F.PartnerInfo("Fjordwatch");
        var copy = await TraceProgramme.CopyForAsync(F, server.Advisory.Description, fjordwatch.Id);
        var leaked = TraceProgramme.Mangled(copy);
        Assert.NotEqual(copy, leaked);

        // As the raw body, the way curl --data-binary @leak.txt sends it.
        using var body = new StringContent(leaked, Encoding.UTF8, "text/plain");
        var trace = await (await F.Staff().PostAsync($"/api/v1/trace?artifact={server.Advisory.Description}", body)).Json(HttpStatusCode.OK);

        Assert.Equal(fjordwatch.Id, (Guid)Assert.Single(trace["accused"]!.AsArray())!["partnerId"]!);
        Assert.True((int)trace["marksRead"]! < (int)trace["sites"]!, "A fragment reads fewer marks than the whole.");
    }

    [Fact]
    public async Task A_fragment_of_a_PoC_with_lines_reindented_names_its_partner()
    {
        var corvid = F.PartnerInfo(DemoFacts.Validate);
        var copy = await TraceProgramme.CopyForAsync(F, server.Advisory.Poc, corvid.Id);
        var lines = copy.Split('\n');
        var leaked = string.Join("\r\n", lines[(lines.Length / 10)..].Select(l => l.Replace("    ", "\t", StringComparison.Ordinal)));

        var trace = await Trace(F.Staff(), new { artifactId = server.Advisory.Poc, leaked });

        Assert.Equal("python", (string?)trace["method"]);
        Assert.Equal(corvid.Id, (Guid)Assert.Single(trace["accused"]!.AsArray())!["partnerId"]!);
    }

    [Fact]
    public async Task Text_that_carries_no_mark_names_no_one()
    {
        var trace = await Trace(F.Staff(), new { artifactId = server.Advisory.Description, leaked = TracingSamples.Unrelated });

        Assert.Empty(trace["accused"]!.AsArray());
        Assert.Empty(trace["nearMisses"]!.AsArray());
        Assert.Equal(0, (int)trace["marksRead"]!);
        Assert.Null(trace["threshold"]?.GetValue<double?>());
        Assert.StartsWith("No one named: none of the artifact's", (string?)trace["verdict"]);
    }

    [Fact]
    public async Task A_file_holding_parts_of_several_artifacts_is_traced_across_the_advisory_without_saying_which()
    {
        var fjordwatch = F.PartnerInfo(DemoFacts.Validate);
        var description = await TraceProgramme.CopyForAsync(F, server.Advisory.Description, fjordwatch.Id);
        var poc = await TraceProgramme.CopyForAsync(F, server.Advisory.Poc, fjordwatch.Id);
        // A third of the description and a third of the PoC, pasted into one note: too little of
        // either on its own may name anyone, together they are one longer code.
        var lines = poc.Split('\n');
        var leaked = description[..(description.Length / 3)] + "\n\n" + string.Join('\n', lines[(lines.Length / 3)..(2 * lines.Length / 3)]);

        var together = await Trace(F.Staff(), new { leaked });
        Assert.Equal("advisory", (string?)together["scope"]);
        var shares = together["artifacts"]!.AsArray();
        Assert.True((int)shares.Single(a => (string?)a!["artifactId"] == server.Advisory.Description)!["marksRead"]! > 0);
        Assert.True((int)shares.Single(a => (string?)a!["artifactId"] == server.Advisory.Poc)!["marksRead"]! > 0);
        Assert.Equal(fjordwatch.Id, (Guid)Assert.Single(together["accused"]!.AsArray())!["partnerId"]!);

        // The same, naming the advisory by its reference.
        var named = await Trace(F.Staff(), new { leaked, advisory = server.Advisory.Reference });
        Assert.Equal((double)together["threshold"]!, (double)named["threshold"]!);
        Assert.Null(named["candidates"]);

        // Each artifact alone reads fewer marks than both together.
        var alone = await Trace(F.Staff(), new { leaked, artifactId = server.Advisory.Poc });
        Assert.Equal("artifact", (string?)alone["scope"]);
        Assert.True((int)alone["marksRead"]! < (int)together["marksRead"]!);
    }

    [Fact]
    public async Task An_artifact_and_an_advisory_together_or_an_unknown_advisory_are_refused()
    {
        var both = await F.Staff().PostAsJsonAsync("/api/v1/trace", new { leaked = "text", artifactId = server.Advisory.Poc, advisory = server.Advisory.Reference });
        await both.Problem(HttpStatusCode.BadRequest, "artifact-or-advisory");
        var unknown = await F.Staff().PostAsJsonAsync("/api/v1/trace", new { leaked = "text", advisory = "FW-1999-0001" });
        await unknown.Problem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Without_an_artifact_the_one_the_leak_is_a_copy_of_is_found()
    {
        var emberline = F.PartnerInfo(DemoFacts.Entry);
        var poc = await TraceProgramme.CopyForAsync(F, server.Advisory.Poc, emberline.Id);
        var description = await TraceProgramme.CopyForAsync(F, server.Advisory.Description, emberline.Id);

        foreach (var (leaked, expected) in new[] { (poc, server.Advisory.Poc), (TraceProgramme.Mangled(description), server.Advisory.Description) })
        {
            var trace = await Trace(F.Staff(), new { leaked });
            Assert.Equal(expected, (string?)trace["artifactId"]);
            var candidates = trace["candidates"]!.AsArray();
            Assert.Equal(expected, (string?)candidates[0]!["artifactId"]);
            // Found automatically, the leak is traced against every fingerprinted artifact of the advisory together.
            Assert.Equal("advisory", (string?)trace["scope"]);
            var share = trace["artifacts"]!.AsArray().Single(a => (string?)a!["artifactId"] == expected)!;
            Assert.Equal((int)share["marksRead"]! + (int)share["marksSetAside"]!, (int)candidates[0]!["marksRead"]!);
            Assert.Equal(trace["artifacts"]!.AsArray().Sum(a => (int)a!["marksRead"]!), (int)trace["marksRead"]!);
            Assert.Equal(trace["artifacts"]!.AsArray().Sum(a => (int)a!["sites"]!), (int)trace["sites"]!);
            Assert.All(candidates.Skip(1), c => Assert.True((int)c!["marksRead"]! < (int)candidates[0]!["marksRead"]!));
            Assert.Equal(emberline.Id, (Guid)Assert.Single(trace["accused"]!.AsArray())!["partnerId"]!);
        }
    }

    [Fact]
    public async Task Without_an_artifact_text_that_matches_none_is_refused()
    {
        var problem = await (await F.Staff().PostAsJsonAsync("/api/v1/trace", new { leaked = TracingSamples.Unrelated }))
            .Problem(HttpStatusCode.UnprocessableEntity, "no-artifact-matches");
        Assert.Contains("reads no mark", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Requests_that_cannot_be_traced_are_refused_with_a_problem()
    {
        var staff = F.Staff();
        var copy = await TraceProgramme.CopyForAsync(F, server.Advisory.Description, F.PartnerInfo(DemoFacts.Trusted).Id);
        async Task<JsonNode> Refused(object body, HttpStatusCode status, string code) =>
            await (await staff.PostAsJsonAsync("/api/v1/trace", body)).Problem(status, code);

        await Refused(new { artifactId = Guid.NewGuid(), leaked = copy }, HttpStatusCode.NotFound, "not-found");
        var unmarked = await Refused(new { artifactId = server.Advisory.Notice, leaked = copy }, HttpStatusCode.UnprocessableEntity, "artifact-not-marked");
        Assert.Contains("without marks", (string?)unmarked["detail"]);
        await Refused(new { artifactId = server.Advisory.Description, leaked = " \n " }, HttpStatusCode.BadRequest, "empty-leak");
        await Refused(new { artifactId = server.Advisory.Description }, HttpStatusCode.BadRequest, "empty-leak");
        await Refused(new { leaked = copy, epsilon = 0 }, HttpStatusCode.BadRequest, "invalid-epsilon");
        await Refused(new { leaked = copy, epsilon = 1.5 }, HttpStatusCode.BadRequest, "invalid-epsilon");
        await Refused(new { leaked = copy, epsilon = "small" }, HttpStatusCode.BadRequest, "malformed-json");

        using var text = new StringContent(copy, Encoding.UTF8, "text/plain");
        await (await staff.PostAsync("/api/v1/trace?epsilon=tiny", text)).Problem(HttpStatusCode.BadRequest, "invalid-epsilon");
        using var huge = new StringContent(new string('x', 300 * 1024), Encoding.UTF8, "text/plain");
        await (await staff.PostAsync("/api/v1/trace", huge)).Problem(HttpStatusCode.RequestEntityTooLarge, "body-too-large");
    }

    [Fact]
    public async Task Odd_text_is_traced_or_refused_never_an_error()
    {
        var random = new Random(5150);
        var noise = new string([.. Enumerable.Range(0, 4000).Select(_ => (char)random.Next(1, 0xD000))]);
        string[] odd = ["x", "\0\0\0", noise, "'''\n\"\"\"\n#{{fw:a|b}}", new string('(', 20_000), "def f(:\n\treturn ]"];
        foreach (var artifact in new[] { server.Advisory.Description, server.Advisory.Poc })
        {
            foreach (var leaked in odd)
            {
                var trace = await Trace(F.Staff(), new { artifactId = artifact, leaked, epsilon = 4.9e-324 });
                Assert.Empty(trace["accused"]!.AsArray());
            }
        }
        var response = await F.Staff().PostAsJsonAsync("/api/v1/trace", new { leaked = noise });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}");
    }

    [Fact]
    public async Task Only_staff_may_trace()
    {
        var body = new { leaked = TracingSamples.Unrelated };
        await (await F.Partner(DemoFacts.Trusted).PostAsJsonAsync("/api/v1/trace", body)).Problem(HttpStatusCode.Forbidden, "forbidden");
        await (await F.WithKey(null).PostAsJsonAsync("/api/v1/trace", body)).Problem(HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
