using System.CommandLine;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn tiers list</c>: what each tier receives and how early.</summary>
public static class TiersCommand
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var list = new Command("list", "List tiers with their lead time per content class") { json };
        list.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var tiers = await api.GetAsync("tiers", ct);
            context.Show(parse.GetValue(json), tiers, node =>
            {
                var table = Screen.Table("Tier", "Description", "Lead time before release");
                foreach (var t in JsonRead.Items(node))
                {
                    var leads = t["leadTimeDays"]?.AsObject()
                        .Select(kv => $"{kv.Key}: {JsonRead.Days(kv.Value)}") ?? [];
                    Screen.Row(table, t.Text("name"), t.Text("description"), string.Join(Environment.NewLine, leads));
                }
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return new Command("tiers", "Partner tiers (staff key)") { list };
    }
}
