using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn staff …</c>: the named staff members who hold staff keys (four eyes count members, not keys).</summary>
public static class StaffCommand
{
    public static Command Create(CliContext context) =>
        new("staff", "The programme's staff members: list, add (staff key)") { List(context), Add(context) };

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List staff members, with write keys proposed for them") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var members = await api.GetAsync("staff", ct);
            context.Show(parse.GetValue(json), members, list =>
            {
                var table = Screen.Table("Id", "Name", "Added", "Added by", "Pending");
                foreach (var m in JsonRead.Items(list))
                    Screen.Row(table, m.Text("id"), m.Text("name"), m.Time("createdAt"), m.Text("createdBy"),
                        string.Join("; ", m.Items("pending").Select(p => p.Text("summary"))));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var json = Options.Json();
        var name = Options.Text("--name", "The person's name, e.g. 'Ana Moreau'", required: true);
        var command = new Command("add", "Add a staff member; then issue their keys with 'forewarn keys issue --owner staff --member ID'") { name, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var member = await api.PostAsync("staff", new JsonObject { ["name"] = parse.GetValue(name) }, ct);
            context.Show(parse.GetValue(json), member, m => context.Screen.Line($"Added staff member {m.Text("name")}; id {m.Text("id")}."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
