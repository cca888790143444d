using System.CommandLine;
using System.Globalization;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Common;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn deliveries WAVE</c>: who was told of a wave, who fetched it, who has not acknowledged.
/// WAVE is ADVISORY/NUMBER or the wave's id — both as <c>advisories show</c> lists the waves.
/// </summary>
public static class DeliveriesCommand
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var wave = new Argument<string>("wave")
        {
            Description = "The wave as ADVISORY/NUMBER (e.g. FW-2025-0708/2) or its id, as 'forewarn advisories show' lists them",
        };
        var pending = new Option<bool>("--pending") { Description = "Only partners that have not acknowledged" };
        var command = new Command("deliveries",
            "Delivery matrix of a wave (staff key): made available, notified, first fetched, acknowledged — unacknowledged first")
        {
            wave, pending, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var matrix = await api.GetAsync(Path(parse.GetValue(wave)!), ct);
            context.Show(parse.GetValue(json), matrix, m =>
            {
                context.Screen.Line($"{m.Text("advisory")} wave {m.Text("wave")} ({m.Text("kind")}) at {m.Time("at")}; announced {m.Time("announcedAt")}");
                context.Screen.Line($"{Counted.Of(m.Number("partners"), "partner", "partners")} · {m.Text("notified")} notified · {m.Text("fetched")} fetched · {m.Text("acknowledged")} acknowledged");
                var rows = m.Items("rows").Where(r => !parse.GetValue(pending) || r.Text("acknowledgedAt").Length == 0).ToList();
                if (rows.Count == 0)
                {
                    context.Screen.Line(parse.GetValue(pending) ? "Every partner has acknowledged." : "No partner is concerned by this wave.");
                    return;
                }
                var table = Screen.Table("Partner", "Status", "Available", "Notified", "By", "First fetched", "Channel", "Acknowledged", "Hours since notice");
                foreach (var r in rows)
                    Screen.Row(table, r.Text("partner"), r.Text("status"), r.Time("madeAvailableAt").Length > 0 ? r.Time("madeAvailableAt") : "opens " + r.Time("opensAt"),
                        r.Time("notifiedAt"), r.Text("notifiedBy"), r.Time("firstFetchedAt"), r.Text("fetchChannel"), r.Time("acknowledgedAt"),
                        r.Text("hoursSinceNotice"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The API path of a wave's deliveries, from ADVISORY/NUMBER or the wave's id.</summary>
    private static string Path(string text)
    {
        text = text.Trim();
        if (Guid.TryParse(text, out var id)) return $"waves/{id}/deliveries";
        var slash = text.LastIndexOf('/');
        if (slash > 0 && int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            return $"advisories/{ApiClient.Segment(text[..slash])}/waves/{number}/deliveries";
        throw new InputException($"'{text}' is not a wave; write ADVISORY/NUMBER (e.g. FW-2025-0708/2) or the wave's id, as 'forewarn advisories show' lists them.");
    }
}
