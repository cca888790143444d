using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn review …</c>: participant review — who is due, and recording a review (staff key).</summary>
public static class ReviewCommand
{
    public static Command Create(CliContext context) =>
        new("review", "Participant review: partners due for review, and recording a review (staff key)") { Due(context), Record(context), Unacknowledged(context) };

    private static Command Due(CliContext context)
    {
        var json = Options.Json();
        var within = new Option<int>("--within") { Description = "Days ahead to look (default 30)", DefaultValueFactory = _ => 30 };
        var command = new Command("due", "Partners due for review within the given days, the most overdue first") { within, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var due = await api.GetAsync($"reviews/due?within={parse.GetValue(within)}", ct);
            context.Show(parse.GetValue(json), due, list =>
            {
                var table = Screen.Table("Partner", "Tier", "Status", "Last reviewed", "Due", "");
                foreach (var p in JsonRead.Items(list))
                    Screen.Row(table, p.Text("legalName"), p.Text("tier"), p.Text("status"), p.Time("reviewedAt") is { Length: > 0 } r ? r : "never",
                        p.Time("dueAt"), p.Flag("overdue") ? "overdue" : "");
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Unacknowledged(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("unacknowledged", "Partners that have not acknowledged an advisory within their tier's deadline") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var overdue = await api.GetAsync("acknowledgements/overdue", ct);
            context.Show(parse.GetValue(json), overdue, list =>
            {
                var table = Screen.Table("Partner", "Tier", "Advisory", "Told", "Due", "Reminded");
                foreach (var o in JsonRead.Items(list))
                    Screen.Row(table, o.Text("legalName"), o.Text("tier"), o.Text("advisory"), o.Time("toldAt"), o.Time("dueAt"),
                        o.Time("remindedAt") is { Length: > 0 } r ? r : "not yet");
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Record(CliContext context)
    {
        var json = Options.Json();
        var partner = new Argument<string>("partner") { Description = "Partner id" };
        var note = Options.Text("--note", "What was reviewed and concluded", required: true);
        var command = new Command("record", "Record that a partner was reviewed; its next review falls due a tier's interval later") { partner, note, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var standing = await api.PostAsync($"partners/{ApiClient.Segment(parse.GetValue(partner)!)}/reviews",
                new JsonObject { ["note"] = parse.GetValue(note) }, ct);
            context.Show(parse.GetValue(json), standing, s => context.Screen.Line($"Reviewed {s.Text("legalName")}; next review due {s.Time("dueAt")}."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
