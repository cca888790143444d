using Forewarn.Server.Tests.Tracing;

namespace Forewarn.Server.Tests.Cli;

/// <summary>A real server over Kestrel with the advisory to trace added once.</summary>
public sealed class TraceCliServer : IAsyncLifetime
{
    public CliServer Server { get; } = new();
    internal TracedAdvisory Advisory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        using var staff = Server.Staff();
        Advisory = await TraceProgramme.AddAdvisoryAsync(staff);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary><c>forewarn trace FILE [--artifact ID] [--epsilon E] [--json]</c> with the staff key.</summary>
public sealed class TraceTests(TraceCliServer fixture) : IClassFixture<TraceCliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-trace-").FullName;
    private CliServer Server => fixture.Server;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> LeakFile(string text)
    {
        var path = Path.Combine(_dir, $"leak-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, text);
        return path;
    }

    private Task<string> CopyOf(string artifactId, string partner) =>
        TraceProgramme.CopyForAsync(Server.Factory, artifactId, Server.Partner(partner).Id);

    [Fact]
    public async Task Json_output_names_the_partner_whose_copy_it_is()
    {
        var file = await LeakFile(await CopyOf(fixture.Advisory.Description, "Mistral"));

        var trace = (await Server.Run(Server.StaffKey, "trace", file, "--artifact", fixture.Advisory.Description, "--epsilon", "1e-9", "--json")).Json();

        Assert.Equal(Server.PartnerId("Mistral"), (string?)Assert.Single(trace["accused"]!.AsArray())!["partnerId"]);
        Assert.Equal(1e-9, (double)trace["epsilon"]!);
        Assert.Null(trace["candidates"]);
    }

    [Fact]
    public async Task Human_output_shows_the_artifact_found_the_named_partner_and_the_candidates()
    {
        var file = await LeakFile(TraceProgramme.Mangled(await CopyOf(fixture.Advisory.Description, "Oakridge")));

        var output = (await Server.Run(Server.StaffKey, "trace", file)).Ok();

        Assert.Contains($"Technical description ({fixture.Advisory.Description}), found automatically", output);
        Assert.Matches(@"Advisory\s+FW-2026-5150", output);
        Assert.Matches(@"Marks read\s+\d+ of \d+ sites", output);
        Assert.Matches(@"Population\s+\d+ partners", output);
        Assert.Matches(@"ε\s+1e-6", output);
        Assert.Contains("Named\n", output);
        Assert.Contains(Server.PartnerId("Oakridge"), output);
        Assert.Contains("Named Oakridge Threat Response (score ", output);
        Assert.Contains("Artifacts considered, most likely first", output);
        Assert.DoesNotContain("\u001b[", output); // no colour codes when redirected
    }

    [Fact]
    public async Task A_text_with_no_mark_names_no_one_and_still_exits_0()
    {
        var file = await LeakFile(TracingSamples.Unrelated);

        var output = (await Server.Run(Server.StaffKey, "trace", file, "--artifact", fixture.Advisory.Poc)).Ok();

        Assert.Matches(@"Threshold\s+none \(no mark read\)", output);
        Assert.Contains("No one named: none of the artifact's", output);
        Assert.DoesNotContain("Near misses", output);
    }

    [Fact]
    public async Task Standard_input_is_read_for_a_dash()
    {
        var copy = await CopyOf(fixture.Advisory.Poc, "Greyharbor");
        var original = Console.In;
        Console.SetIn(new StringReader(copy));
        try
        {
            var trace = (await Server.Run(Server.StaffKey, "trace", "-", "--json")).Json();
            Assert.Equal(fixture.Advisory.Poc, (string?)trace["artifactId"]);
            Assert.Equal(Server.PartnerId("Greyharbor"), (string?)Assert.Single(trace["accused"]!.AsArray())!["partnerId"]);
        }
        finally
        {
            Console.SetIn(original);
        }
    }

    [Fact]
    public async Task Errors_exit_non_zero_with_a_sentence()
    {
        var missing = Path.Combine(_dir, "no-such-leak.txt");
        Assert.Contains($"{missing} cannot be read", (await Server.Run(Server.StaffKey, "trace", missing)).Failed(1));

        var unrelated = await LeakFile(TracingSamples.Unrelated);
        Assert.Contains("No artifact matches", (await Server.Run(Server.StaffKey, "trace", unrelated)).Failed(1));
        Assert.Contains("Artifact not marked",
            (await Server.Run(Server.StaffKey, "trace", unrelated, "--artifact", fixture.Advisory.Notice)).Failed(1));
        Assert.Contains("Forbidden", (await Server.Run(Server.PartnerKey("Bastion"), "trace", unrelated)).Failed(1));

        Assert.Contains("--epsilon must lie strictly between 0 and 1", (await Server.Run(Server.StaffKey, "trace", unrelated, "--epsilon", "2")).Failed(2));
        Assert.Contains("is not an artifact id", (await Server.Run(Server.StaffKey, "trace", unrelated, "--artifact", "FW-1")).Failed(2));
    }
}
