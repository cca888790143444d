using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn me sightings add|list</c> with Corvid's key.</summary>
public sealed class MeSightingsCliTests(CliServer server) : IClassFixture<CliServer>
{
    [Fact]
    public async Task A_partner_reports_a_sighting_with_a_sample_and_lists_it_without_the_staffs_trace()
    {
        var corvid = server.PartnerKey("Corvid");
        var reference = DemoFacts.EmbargoReference(server.Factory);
        var folder = Directory.CreateTempSubdirectory("fw-sample-").FullName;
        var sample = Path.Combine(folder, "sample.txt");
        await File.WriteAllTextAsync(sample, "GET /autodiscover/autodiscover.json?@evil.example/owa/ HTTP/1.1");
        try
        {
            var reported = (await server.Run(corvid, "me", "sightings", "add", "--advisory", reference, "--first-seen", "2026-11-27T08:00:00Z",
                "--seen-where", "a hosting customer", "--description", "Requests matching the detection rule", "--sample", sample, "--json")).Json();
            var id = (string)reported["id"]!;
            Assert.Equal("api", (string)reported["channel"]!);
            Assert.Null(reported["trace"]);

            var listed = (await server.Run(corvid, "me", "sightings", "list")).Ok();
            Assert.Contains(id, listed, StringComparison.Ordinal);
            Assert.Contains("sample.txt", listed, StringComparison.Ordinal);

            var staffView = await server.Staff().GetJson($"/api/v1/sightings/{id}");
            Assert.Equal(reference, (string)staffView["advisory"]!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var missing = await server.Run(corvid, "me", "sightings", "add", "--advisory", reference, "--first-seen", "2026-11-27T08:00:00Z",
            "--description", "No file", "--sample", sample);
        missing.Failed(1);
        Assert.Contains("no such file", missing.Err, StringComparison.Ordinal);
    }
}
