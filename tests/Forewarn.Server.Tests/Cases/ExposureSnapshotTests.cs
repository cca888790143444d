using Forewarn.Domain.Cases;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Cases;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Transparency;
using Forewarn.Server.Transparency;
using Microsoft.Extensions.DependencyInjection;

namespace Forewarn.Server.Tests.Cases;

/// <summary>
/// The seam for the exposure analysis: <see cref="CaseService.AddExposureSnapshotAsync"/> freezes a
/// computed document with the log checkpoint it was computed at; the case shows both, the log holds its hash.
/// </summary>
public sealed class ExposureSnapshotTests : IAsyncLifetime
{
    private readonly ForewarnFactory _f = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_snapshot_is_kept_as_computed_with_its_checkpoint()
    {
        var staff = _f.Staff();
        var reference = await CaseSteps.OpenAsync(staff);
        var checkpoint = new LogCheckpointRef(42, new string('a', 64));
        const string json = """{"before":"2025-07-07T00:00:00Z","groups":{"fetchedPocBeforeT":["Bastion"]}}""";

        await using (var scope = _f.Services.CreateAsyncScope())
        {
            var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
            var actor = new Actor("staff:exposure analysis", null);
            await cases.AddExposureSnapshotAsync(reference, json, checkpoint, actor, CancellationToken.None);
            await Assert.ThrowsAsync<DomainException>(() => cases.AddExposureSnapshotAsync(reference, json, checkpoint with { RootHash = "xyz" }, actor, CancellationToken.None));
            await Assert.ThrowsAsync<DomainException>(() => cases.AddExposureSnapshotAsync(reference, " ", checkpoint, actor, CancellationToken.None));
        }

        var evidence = Assert.Single((await CaseSteps.CaseAsync(staff, reference))["evidence"]!.AsArray())!;
        Assert.Equal("exposure", (string?)evidence["kind"]);
        Assert.Equal("Bastion", (string?)evidence["exposure"]!["groups"]!["fetchedPocBeforeT"]![0]);
        Assert.Equal((42, checkpoint.RootHash), ((long)evidence["checkpoint"]!["size"]!, (string?)evidence["checkpoint"]!["rootHash"]));
        var entry = Assert.Single(await LogEntries.OfKindAsync(staff, LogKinds.CaseEvidenceAdded), e => (string?)e["entry"]!["case"] == reference)["entry"]!;
        Assert.Equal(("exposure", 42L), ((string?)entry["evidence"], (long)entry["checkpoint_size"]!));
        Assert.DoesNotContain("Bastion", entry.ToJsonString(), StringComparison.Ordinal);
    }
}
