using System.CommandLine;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn portal-users …</c>: the portal's people — list, disable, re-enable, reset a lost authenticator (docs/portal.md).</summary>
public static class PortalUsersCommand
{
    public static Command Create(CliContext context) =>
        new("portal-users", "The portal's users: staff key that can write (everyone) or a partner's admin key (its own users)")
        {
            List(context),
            Change(context, "disable", "Disable a user: signed out at their next request, cannot sign in", "Disabled"),
            Change(context, "enable", "Let a disabled user sign in again", "Re-enabled"),
            Change(context, "reset-authenticator", "Reset a lost authenticator: the user sets up a new one at the next sign-in", "Reset the authenticator of"),
        };

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List portal users (role, organisation, second factor, passkeys, OpenPGP key, advisory notices, disabled)") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var users = await api.GetAsync("portal-users", ct);
            context.Show(parse.GetValue(json), users, list =>
            {
                var table = Screen.Table("Id", "Name", "E-mail", "Role", "Organisation", "Authenticator", "Passkeys", "OpenPGP key", "Notices", "Disabled");
                foreach (var u in JsonRead.Items(list))
                    Screen.Row(table, u.Text("id"), u.Text("name"), u.Text("email"), u.Text("role"), u.Text("organisation"), u.Text("secondFactor"),
                        u.Text("passkeys"), u.Text("openPgpFingerprint"), Notices(u), u.Time("disabledAt"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A partner user's advisory notices by mail: on or off; staff get none (empty).</summary>
    private static string Notices(System.Text.Json.Nodes.JsonNode? user) => user.Text("advisoryMail") switch
    {
        "yes" => "on",
        "no" => "off",
        _ => "",
    };

    private static Command Change(CliContext context, string verb, string description, string done)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Portal user id (see 'forewarn portal-users list')");
        var command = new Command(verb, description) { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var user = await api.PostAsync($"portal-users/{ApiClient.Segment(parse.GetValue(id)!)}/{verb}", null, ct);
            context.Show(parse.GetValue(json), user, u => context.Screen.Line($"{done} {u.Text("name")} ({u.Text("role")}, {u.Text("organisation")})."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
