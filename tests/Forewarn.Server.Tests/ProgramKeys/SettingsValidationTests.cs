using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Hosting;

namespace Forewarn.Server.Tests.ProgramKeys;

/// <summary>A bad setting stops the server before it serves anything, with sentences that name the setting — never a stack trace.</summary>
public sealed class SettingsValidationTests
{
    [Fact]
    public async Task A_bad_setting_stops_the_hosted_server_with_the_settings_sentence()
    {
        await using var f = new ForewarnFactory();
        f.Settings["csaf:publicUrl"] = "ftp://psirt.example.com";
        f.Settings["webhooks:timeoutSeconds"] = "0";
        var e = Assert.ThrowsAny<Exception>(() => f.Services);
        var sentences = StartupChecks.Explain(e);
        Assert.NotNull(sentences);
        Assert.Contains(sentences, s => s.StartsWith("csaf:publicUrl (FOREWARN_CSAF__PUBLICURL) must be the http(s) address", StringComparison.Ordinal));
        Assert.Contains(sentences, s => s.StartsWith("webhooks:timeoutSeconds (FOREWARN_WEBHOOKS__TIMEOUTSECONDS) is how long", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(f.DataDirectory, "demo-credentials.json")), "nothing may be loaded when the settings are wrong");
    }

    [Fact]
    public async Task The_server_process_exits_2_and_says_what_is_wrong()
    {
        var data = Directory.CreateTempSubdirectory("forewarn-settings-").FullName;
        try
        {
            var (exit, output) = await RunServerAsync(data,
                ("FOREWARN_WEBHOOKS__BATCHSIZE", "0"), ("FOREWARN_CSAF__PUBLISHERNAME", "Example Software"), ("FOREWARN_KEYS__MASTERKEY", "not-a-key"));
            Assert.Equal(2, exit);
            Assert.Contains("forewarn server: cannot start:", output);
            Assert.Contains("webhooks:batchSize (FOREWARN_WEBHOOKS__BATCHSIZE) is how many deliveries one pass claims: from 1 to 100000.", output);
            Assert.Contains("csaf:contactDetails (FOREWARN_CSAF__CONTACTDETAILS) is missing", output);
            Assert.Contains("keys:masterKey (FOREWARN_KEYS__MASTERKEY) is not a master key", output);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(data, "forewarn.db")), "the store is not touched when the settings are wrong");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The built server run to its end with <paramref name="environment"/>; its exit code and everything it printed.</summary>
    internal static async Task<(int Exit, string Output)> RunServerAsync(string data, params (string Name, string Value)[] environment)
    {
        var done = await ChildProcess.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Forewarn.Server.dll"), "--urls", "http://127.0.0.1:0", "--data", data],
            environment.Select(e => new KeyValuePair<string, string?>(e.Name, e.Value)), workingDirectory: AppContext.BaseDirectory);
        return (done.Exit, done.Stdout + done.Stderr);
    }
}
