using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary>The built <c>forewarn</c> program, started as its own process, against the Kestrel server.</summary>
public sealed class ProcessTests(CliServer server) : IClassFixture<CliServer>
{
    /// <summary>forewarn.dll is copied next to the test assembly by the project reference.</summary>
    private static string CliDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "forewarn.dll");
            Assert.True(File.Exists(path), $"The built CLI is missing at {path}.");
            Assert.True(File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), "forewarn.runtimeconfig.json is missing.");
            return path;
        }
    }

    private static async Task<CliResult> Forewarn(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var done = await ChildProcess.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [CliDll, .. args], environment);
        return new CliResult(done.Exit, done.Stdout, done.Stderr);
    }

    [Fact]
    public async Task The_real_binary_lists_partners_as_json_over_http()
    {
        var result = await Forewarn(new Dictionary<string, string?>
        {
            ["FOREWARN_SERVER"] = server.Address,
            ["FOREWARN_API_KEY"] = server.StaffKey,
        }, "partners", "list", "--json");

        var partners = result.Json().AsArray();
        Assert.Equal(13, partners.Count);
        Assert.Contains(partners, p => (string?)p!["legalName"] == "Jadewall Security Co., Ltd.");
        Assert.Equal("", result.Err);
    }

    [Fact]
    public async Task The_real_binary_draws_tables_and_returns_the_documented_exit_codes()
    {
        var environment = new Dictionary<string, string?>
        {
            ["FOREWARN_SERVER"] = server.Address,
            ["FOREWARN_API_KEY"] = server.PartnerKey("Bastion"),
        };

        var table = (await Forewarn(environment, "me", "advisories")).Ok();
        Assert.Contains("FW-2025-0708", table);
        Assert.DoesNotContain("\u001b[", table); // a pipe gets no colour

        var refused = await Forewarn(environment, "partners", "list");
        Assert.StartsWith("error: Forbidden", refused.Failed(1));

        var usage = await Forewarn(environment, "frobnicate");
        Assert.Contains("error: 'frobnicate' is not a command of 'forewarn'", usage.Failed(2));

        var unreachable = await Forewarn(new Dictionary<string, string?> { ["FOREWARN_SERVER"] = "http://127.0.0.1:1" }, "me", "show");
        Assert.StartsWith("error: cannot reach the Forewarn server at http://127.0.0.1:1", unreachable.Failed(1));
    }
}
