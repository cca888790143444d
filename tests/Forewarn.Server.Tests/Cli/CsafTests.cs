using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation;
using Forewarn.Server.Tests.Publishing;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// <c>forewarn csaf validate|import|export</c>: validation works offline on files, import and export
/// go through the server. The only advisory this class creates is the imported BSI example.
/// </summary>
public sealed class CsafTests(CliServer server) : IClassFixture<CliServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("forewarn-cli-csaf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string ValidFile = CsafStandardFiles.PathOf("examples/csaf/bsi-2022-0001.json");
    private static readonly string InvalidFile = CsafStandardFiles.PathOf("mandatory-tests/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json");

    /// <summary>validate never talks to a server: point it at a closed port, with no key.</summary>
    private static Task<CliResult> ValidateOffline(params string[] args) =>
        CliServer.RunWith(new Dictionary<string, string?> { ["FOREWARN_SERVER"] = "http://127.0.0.1:1", ["FOREWARN_API_KEY"] = null },
            ["csaf", "validate", .. args]);

    [Fact]
    public async Task Validate_on_a_valid_example_exits_0_and_says_valid()
    {
        var output = (await ValidateOffline(ValidFile)).Ok();

        Assert.Contains($"{ValidFile}: valid", output, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_on_an_invalid_mandatory_test_file_exits_1_and_lists_the_test_id()
    {
        var result = await ValidateOffline(InvalidFile);

        result.Failed(1);
        Assert.Contains($"{InvalidFile}: invalid, ", result.Out, StringComparison.Ordinal);
        Assert.Contains("6.1.1", result.Out, StringComparison.Ordinal);
        Assert.Contains("/product_tree", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_on_several_files_exits_1_when_any_is_invalid_and_reports_each()
    {
        var cisco = CsafStandardFiles.PathOf("examples/csaf/cisco-sa-20180328-smi2.json");
        var mixed = await ValidateOffline(ValidFile, InvalidFile, cisco);

        mixed.Failed(1);
        Assert.Contains($"{ValidFile}: valid", mixed.Out, StringComparison.Ordinal);
        Assert.Contains($"{InvalidFile}: invalid", mixed.Out, StringComparison.Ordinal);
        Assert.Contains($"{cisco}: valid", mixed.Out, StringComparison.Ordinal);

        (await ValidateOffline(ValidFile, cisco)).Ok();
    }

    [Fact]
    public async Task Validate_json_prints_an_array_of_file_valid_and_failures()
    {
        var result = await ValidateOffline("--json", ValidFile, InvalidFile);

        result.Failed(1);
        var items = JsonNode.Parse(result.Out)!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(ValidFile, (string?)items[0]!["file"]);
        Assert.True((bool)items[0]!["valid"]!);
        Assert.Empty(items[0]!["failures"]!.AsArray());
        Assert.Equal(InvalidFile, (string?)items[1]!["file"]);
        Assert.False((bool)items[1]!["valid"]!);
        var failures = items[1]!["failures"]!.AsArray();
        Assert.Contains(failures, f => (string?)f!["test"] == "6.1.1" && ((string?)f["pointer"])!.StartsWith('/') && (string?)f["message"] is { Length: > 0 });
        // The same verdict as the library's.
        Assert.Equal(CsafValidator.Validate(File.ReadAllText(InvalidFile)).Failures.Count, failures.Count);
    }

    [Fact]
    public async Task Validate_of_a_missing_file_exits_1_with_a_clear_message()
    {
        var missing = Path.Combine(_dir, "no-such-advisory.json");
        var result = await ValidateOffline(missing);

        result.Failed(1);
        var all = result.Out + result.Err;
        Assert.Contains(missing, all, StringComparison.Ordinal);
        Assert.Contains("cannot be read", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_file_that_is_not_json_exits_1()
    {
        var path = Path.Combine(_dir, "notes.json");
        await File.WriteAllTextAsync(path, "these are not JSON");
        var result = await ValidateOffline(path);

        result.Failed(1);
        Assert.Contains($"{path}: invalid", result.Out, StringComparison.Ordinal);
        Assert.Contains("json", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_sends_the_file_to_the_server_and_prints_the_reference_and_what_is_not_held()
    {
        var output = (await server.Run(server.StaffKey, "csaf", "import", ValidFile)).Ok();

        Assert.Contains($"Imported {ValidFile} as draft advisory BSI-2022-0001", output, StringComparison.Ordinal);
        Assert.Contains("Not held", output, StringComparison.Ordinal);
        Assert.Contains("source revision history", output, StringComparison.Ordinal);
        using var staff = server.Staff();
        var advisory = JsonNode.Parse(await staff.GetStringAsync("/api/v1/advisories/BSI-2022-0001"))!;
        Assert.Equal("draft", (string?)advisory["state"]);

        var again = (await server.Run(server.StaffKey, "csaf", "import", ValidFile)).Failed(1);
        Assert.StartsWith("error: ", again, StringComparison.Ordinal);
        Assert.Contains("BSI-2022-0001 already exists", again, StringComparison.Ordinal);
        // Said in the command line's terms: its option, not the API's query parameter.
        Assert.Contains("--reference", again, StringComparison.Ordinal);
        Assert.DoesNotContain("?reference", again, StringComparison.Ordinal);
        Assert.Single(again.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Import_of_an_invalid_file_exits_1_and_imports_nothing()
    {
        var err = (await server.Run(server.StaffKey, "csaf", "import", InvalidFile)).Failed(1);

        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Contains("not valid CSAF 2.0", err, StringComparison.Ordinal);
        using var staff = server.Staff();
        Assert.DoesNotContain("OASIS", await staff.GetStringAsync("/api/v1/advisories"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Export_out_writes_a_valid_csaf_file()
    {
        var path = Path.Combine(_dir, "fw-2025-0708.json");
        var output = (await server.Run(server.StaffKey, "csaf", "export", "FW-2025-0708", "--out", path)).Ok();

        Assert.Contains(path, output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(path);
        var validation = CsafValidator.Validate(text);
        Assert.True(validation.IsValid, string.Join("\n", validation.Failures));
        Assert.Equal("FW-2025-0708", (string?)JsonNode.Parse(text)!["document"]!["tracking"]!["id"]);
        Assert.Contains($"Wrote {new FileInfo(path).Length} bytes", output, StringComparison.Ordinal);

        // Without --out the document goes to standard output.
        var printed = (await server.Run(server.StaffKey, "csaf", "export", "fw-2025-0708")).Ok();
        Assert.Equal("FW-2025-0708", (string?)JsonNode.Parse(printed)!["document"]!["tracking"]!["id"]);
    }

    [Fact]
    public async Task Export_of_an_unknown_advisory_exits_1_with_the_servers_sentence()
    {
        var path = Path.Combine(_dir, "unknown.json");
        var result = await server.Run(server.StaffKey, "csaf", "export", "FW-1999-0001", "--out", path);

        var err = result.Failed(1);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Contains("No advisory with id 'FW-1999-0001' exists.", err, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
