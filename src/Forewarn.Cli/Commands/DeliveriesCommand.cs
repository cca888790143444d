using System.CommandLine;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn deliveries ADVISORY/WAVE</c>: who was told of a wave, who fetched it, who has not acknowledged.</summary>
public static class DeliveriesCommand
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var wave = new Argument<string>("wave") { Description = "The wave as ADVISORY/NUMBER, e.g. FW-2026-1202/2" };
        var pending = new Option<bool>("--pending") { Description = "Only partners that have not acknowledged" };
        var command = new Command("deliveries",
            "Delivery matrix of a wave (staff key): made available, notified, first fetched, acknowledged — unacknowledged first")
        {
            wave, pending, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var text = parse.GetValue(wave)!;
            var slash = text.LastIndexOf('/');
            if (slash <= 0 || !int.TryParse(text[(slash + 1)..], out var number))
                throw new InputException($"'{text}' is not a wave; write ADVISORY/NUMBER, e.g. FW-2026-1202/2.");
            var matrix = await api.GetAsync($"advisories/{ApiClient.Segment(text[..slash])}/waves/{number}/deliveries", ct);
            context.Show(parse.GetValue(json), matrix, m =>
            {
                context.Screen.Line($"{m.Text("advisory")} wave {m.Text("wave")} ({m.Text("kind")}) at {m.Time("at")}; announced {m.Time("announcedAt")}");
                context.Screen.Line($"{m.Text("partners")} partners · {m.Text("notified")} notified · {m.Text("fetched")} fetched · {m.Text("acknowledged")} acknowledged");
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
}
