using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Server.Tests.Publishing;

namespace Forewarn.Server.Tests.Cli;

/// <summary><c>forewarn deliveries ADVISORY/WAVE</c> against a real server whose scheduler announced the demo's first wave.</summary>
public sealed class DeliveriesTests(CliServer server) : IClassFixture<CliServer>
{
    private async Task WaitForAnnouncementAsync(string wave)
    {
        await Releases.EventuallyAsync(async () =>
            (await server.Run(server.StaffKey, "deliveries", wave, "--json")).Json()["announcedAt"] is not null, "the wave was announced");
    }

    [Fact]
    public async Task Deliveries_show_who_was_told_and_who_has_not_acknowledged()
    {
        var wave = $"{DemoFacts.EmbargoReference(server.Factory)}/1";
        await WaitForAnnouncementAsync(wave);

        var all = (await server.Run(server.StaffKey, "deliveries", wave)).Ok();
        Assert.Contains("wave 1", all, StringComparison.Ordinal);
        Assert.Contains("Bastion", all, StringComparison.Ordinal);
        Assert.Contains("notice", all, StringComparison.Ordinal);

        await server.Run(server.PartnerKey("Corvid"), "me", "ack", DemoFacts.EmbargoReference(server.Factory));
        var pending = (await server.Run(server.StaffKey, "deliveries", wave, "--pending")).Ok();
        Assert.DoesNotContain("Corvid", pending, StringComparison.Ordinal);
        Assert.Contains("Bastion", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wave_id_that_advisories_show_prints_names_the_same_wave()
    {
        var reference = DemoFacts.EmbargoReference(server.Factory);
        await WaitForAnnouncementAsync($"{reference}/1");
        var advisory = (await server.Run(server.StaffKey, "advisories", "show", reference, "--json")).Json();
        var first = advisory["waves"]!.AsArray().Single(w => (int?)w!["number"] == 1)!;
        var waveId = (string)first["id"]!;
        Assert.Contains(waveId, (await server.Run(server.StaffKey, "advisories", "show", reference)).Ok(), StringComparison.Ordinal);

        var byId = (await server.Run(server.StaffKey, "deliveries", waveId, "--json")).Json();
        var byNumber = (await server.Run(server.StaffKey, "deliveries", $"{reference}/1", "--json")).Json();
        Assert.Equal(reference, (string?)byId["advisory"]);
        Assert.Equal(1, (int?)byId["wave"]);
        Assert.Equal(byNumber["rows"]!.AsArray().Select(r => (string?)r!["partner"]), byId["rows"]!.AsArray().Select(r => (string?)r!["partner"]));
        Assert.Contains("wave 1", (await server.Run(server.StaffKey, "deliveries", waveId)).Ok(), StringComparison.Ordinal);

        var unknown = (await server.Run(server.StaffKey, "deliveries", Guid.NewGuid().ToString())).Failed(1);
        Assert.Contains("Not found", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_or_unknown_wave_is_a_clear_error()
    {
        var malformed = (await server.Run(server.StaffKey, "deliveries", "FW-2026-1202")).Failed(1);
        Assert.Contains("ADVISORY/NUMBER", malformed, StringComparison.Ordinal);
        Assert.Contains("the wave's id", malformed, StringComparison.Ordinal);
        var unknown = (await server.Run(server.StaffKey, "deliveries", "FW-1999-0001/1")).Failed(1);
        Assert.Contains("FW-1999-0001", unknown, StringComparison.Ordinal);
    }
}
