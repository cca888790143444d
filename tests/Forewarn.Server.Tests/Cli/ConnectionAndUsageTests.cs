namespace Forewarn.Server.Tests.Cli;

/// <summary>Exit codes and messages when the command line is wrong (2) or the server cannot be reached or refuses the caller (1).</summary>
public sealed class ConnectionAndUsageTests(CliServer server) : IClassFixture<CliServer>
{
    private static Dictionary<string, string?> Environment(string? serverUrl, string? key) =>
        new() { ["FOREWARN_SERVER"] = serverUrl, ["FOREWARN_API_KEY"] = key };

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var (exit, stdout, stderr) = await server.Run(server.StaffKey, "frobnicate");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("error: 'frobnicate' is not a command of 'forewarn'; its commands are partners, tiers,", stderr);
        Assert.Contains("Run 'forewarn --help' for usage.", stderr);
    }

    [Fact]
    public async Task A_mistyped_command_is_one_error_line()
    {
        var err = (await server.Run(server.StaffKey, "partners", "lst")).Failed(2);

        // System.CommandLine reports a missing command and an unrecognized word; the user made one mistake.
        var errors = err.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["error: 'lst' is not a command of 'forewarn partners'; its commands are list, show, add, update, set-tier, suspend, reinstate, probation, remove, networks, suspicion."], errors);
        Assert.Contains("'--bogus' is not an option of 'forewarn partners'", (await server.Run(server.StaffKey, "partners", "--bogus")).Failed(2));
    }

    [Theory]
    [InlineData("access-records", "--limit", "x", "'x' is not a whole number for --limit.")]
    [InlineData("access-records", "--limit", "0", "--limit must be between 1 and 1000, not 0.")]
    [InlineData("log", "entries", "--start", "x", "'x' is not a whole number for --start.")]
    [InlineData("log", "entries", "--limit", "10001", "--limit must be between 1 and 10000, not 10001.")]
    [InlineData("log", "proof", "inclusion", "x", "'x' is not a whole number for index.")]
    [InlineData("keys", "issue", "--owner", "staff", "--name", "n", "--days", "soon", "'soon' is not a whole number for --days.")]
    [InlineData("trace", "leak.txt", "--epsilon", "tiny", "--epsilon must lie strictly between 0 and 1 (for example 1e-6), not tiny.")]
    public async Task A_number_that_does_not_parse_or_is_out_of_range_is_one_usage_error_line(params string[] argsAndError)
    {
        var err = (await server.Run(server.StaffKey, argsAndError[..^1])).Failed(2);

        Assert.Equal($"error: {argsAndError[^1]}", err.Split('\n')[0]);
        Assert.Single(err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_subcommand_or_option_is_a_usage_error_naming_the_command()
    {
        var sub = await server.Run(server.StaffKey, "partners", "delete", "x");
        Assert.Contains("Run 'forewarn partners --help' for usage.", sub.Failed(2));

        var option = await server.Run(server.StaffKey, "partners", "list", "--colour");
        Assert.Contains("'--colour'", option.Failed(2));
        Assert.Contains("Run 'forewarn partners list --help' for usage.", option.Err);
    }

    [Fact]
    public async Task Missing_required_options_and_arguments_are_usage_errors()
    {
        var add = await server.Run(server.StaffKey, "partners", "add", "--name", "Incomplete GmbH");
        var err = add.Failed(2);
        Assert.Equal("", add.Out);
        foreach (var option in new[] { "--country", "--category", "--tier", "--nda-version", "--signed-at", "--expires-at" })
            Assert.Contains($"Option '{option}' is required.", err);
        using var staff = server.Staff();
        Assert.DoesNotContain("Incomplete GmbH", await staff.GetStringAsync("/api/v1/partners"));

        var show = await server.Run(server.StaffKey, "partners", "show");
        Assert.Contains("Run 'forewarn partners show --help' for usage.", show.Failed(2));
    }

    [Fact]
    public async Task Help_exits_0_and_describes_the_command()
    {
        var output = (await server.Run(null, "advisories", "schedule-wave", "--help")).Ok();

        Assert.Contains("--artifact", output);
        Assert.Contains("--at", output);
    }

    [Fact]
    public async Task An_unreachable_server_exits_1_naming_the_url()
    {
        var (exit, stdout, stderr) = await CliServer.RunWith(Environment("http://127.0.0.1:1", server.StaffKey), "partners", "list");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: cannot reach the Forewarn server at http://127.0.0.1:1: ", stderr);
        Assert.Contains("refused", stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task The_server_option_wins_over_the_environment()
    {
        var viaOption = await CliServer.RunWith(Environment("http://127.0.0.1:1", server.StaffKey),
            "partners", "list", "--json", "--server", server.Address + "/api/v1/");

        Assert.Equal(13, viaOption.Json().AsArray().Count);
    }

    [Fact]
    public async Task A_server_setting_that_is_not_a_url_is_refused()
    {
        var fromEnvironment = await CliServer.RunWith(Environment("localhost:5252", server.StaffKey), "partners", "list");
        Assert.Contains("FOREWARN_SERVER is 'localhost:5252', which is not an http(s) URL", fromEnvironment.Failed(1));

        var fromOption = await server.Run(server.StaffKey, "partners", "list", "--server", "ftp://127.0.0.1/");
        Assert.Contains("'ftp://127.0.0.1/' is not an http(s) URL for --server", fromOption.Failed(2));
    }

    [Fact]
    public async Task A_missing_key_exits_1_and_says_where_the_key_goes()
    {
        var (exit, stdout, stderr) = await CliServer.RunWith(Environment(server.Address, null), "partners", "list");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: Unauthenticated", stderr);
        Assert.Contains("FOREWARN_API_KEY", stderr);
    }

    [Fact]
    public async Task An_unknown_key_exits_1()
    {
        var err = (await server.Run("fw_0123456789ab_NotARealSecretAtAllNotARealSecretAtAll0000", "partners", "list")).Failed(1);

        Assert.StartsWith("error: Unauthenticated", err);
        Assert.Contains("The API key is not known.", err);
    }
}
