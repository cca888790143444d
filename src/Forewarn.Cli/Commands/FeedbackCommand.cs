using System.CommandLine;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn feedback list</c>: partners' detection feedback on one artifact or from one partner (staff key).</summary>
public static class FeedbackCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("feedback", "Partners' detection feedback on artifacts (false positive, false negative, works as intended)");
        command.Add(List(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var artifact = Options.Text("--artifact", "Every partner's feedback on this artifact (artifact id)").Ids("an artifact");
        var partner = Options.Text("--partner", "This partner's feedback on every artifact (partner id)").Ids("a partner");
        var command = new Command("list", "List detection feedback, newest first: give --artifact or --partner") { artifact, partner, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var (a, p) = (parse.GetValue(artifact), parse.GetValue(partner));
            var path = (a, p) switch
            {
                ({ } id, null) => $"artifacts/{ApiClient.Segment(id)}/feedback",
                (null, { } id) => $"partners/{ApiClient.Segment(id)}/feedback",
                _ => throw new InputException("give either --artifact or --partner (one of them)"),
            };
            var list = await api.GetAsync(path, ct);
            context.Show(parse.GetValue(json), list, shown =>
            {
                var items = JsonRead.Items(shown).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line("No feedback.");
                    return;
                }
                var table = Screen.Table("Time", "Partner", "Advisory", "Artifact", "Verdict", "Note", "By");
                foreach (var f in items)
                    Screen.Row(table, f.Time("at"), f.Text("partner"), f.Text("reference"), f.Text("artifact"), f.Text("verdict"), f.Text("note"), f.Text("by"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
