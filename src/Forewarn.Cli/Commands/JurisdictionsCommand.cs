using System.CommandLine;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn jurisdictions list</c>: the legal facts the policy reasons about.</summary>
public static class JurisdictionsCommand
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var list = new Command("list", "List jurisdictions and the legal facts recorded for each") { json };
        list.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var jurisdictions = await api.GetAsync("jurisdictions", ct);
            context.Show(parse.GetValue(json), jurisdictions, node =>
            {
                var table = Screen.Table("Code", "Name", "Facts", "Notes");
                foreach (var j in JsonRead.Items(node))
                    Screen.Row(table, j.Text("code"), j.Text("name"), j.Text("facts"), j.Text("notes"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return new Command("jurisdictions", "Jurisdictions (staff key)") { list };
    }
}
