using System.CommandLine;
using System.Globalization;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn cases suspicion CASE</c> and <c>forewarn partners suspicion PARTNER</c>: the
/// suspicion model across cases (docs/suspicion.md) — a reason for a person to look, never a sanction.
/// </summary>
public static class SuspicionCommands
{
    public static Command OfCase(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("case", "Case reference or id");
        var command = new Command("suspicion", "The case's suspects, each with its standing across all cases (in k of n suspect sets, e expected by chance)")
        {
            reference, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var report = await api.GetAsync($"{CasesCommand.Path(parse.GetValue(reference)!)}/suspicion", ct);
            context.Show(parse.GetValue(json), report, r =>
            {
                context.Screen.Line($"{r.Text("case")} ({r.Text("advisory")}): {r.Text("incidents")} cases weighed, false-alarm rate {Rate(r)}.");
                var table = Screen.Table("Partner", "Held here", "Across cases", "p", "");
                foreach (var s in r.Items("suspects"))
                    Screen.Row(table, s.Text("partner") is { Length: > 0 } name ? name : s.Text("partnerId"), s.Text("holding"), s.Text("summary"),
                        s.Text("pValue"), s.Flag("flagged") ? "stands out" : "");
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command OfPartner(CliContext context)
    {
        var json = Options.Json();
        var partner = new Argument<string>("partner") { Description = "Partner id" };
        var command = new Command("suspicion", "The partner's standing across all cases: in how many suspect sets, against what chance gives") { partner, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var report = await api.GetAsync($"partners/{ApiClient.Segment(parse.GetValue(partner)!)}/suspicion", ct);
            context.Show(parse.GetValue(json), report, r =>
            {
                context.Screen.Line($"{r.Text("partner")}: {r.Text("summary")}{(r.Flag("flagged") ? " — stands out" : "")} (p = {r.Text("pValue")}, false-alarm rate {Rate(r)}).");
                var table = Screen.Table("Case", "Advisory", "Before", "Held", "Set size", "Partners");
                foreach (var c in r.Items("cases"))
                    Screen.Row(table, c.Text("case"), c.Text("advisory"), c.Time("before"), c.Text("holding"), c.Text("setSize"), c.Text("population"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Rate(System.Text.Json.Nodes.JsonNode r) =>
        r["falseAlarmRate"] is { } v ? ((double)v).ToString("0.###", CultureInfo.InvariantCulture) : "";
}
