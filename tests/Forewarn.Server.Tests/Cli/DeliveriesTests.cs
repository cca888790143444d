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
    public async Task A_malformed_or_unknown_wave_is_a_clear_error()
    {
        (await server.Run(server.StaffKey, "deliveries", "FW-2026-1202")).Failed(1);
        var unknown = (await server.Run(server.StaffKey, "deliveries", "FW-1999-0001/1")).Failed(1);
        Assert.Contains("FW-1999-0001", unknown, StringComparison.Ordinal);
    }
}
