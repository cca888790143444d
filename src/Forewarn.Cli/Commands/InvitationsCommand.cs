using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Accounts;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn invitations …</c>: one-time links to the portal (docs/portal.md).</summary>
public static class InvitationsCommand
{
    public static Command Create(CliContext context) =>
        new("invitations", "Invite people to the portal: staff key (staff, partner admins) or a partner's admin key (its users)") { New(context) };

    private static Command New(CliContext context)
    {
        var json = Options.Json();
        var email = Options.Text("--email", "The invitee's e-mail address", required: true);
        var role = Options.Choice("--role", "The role the invitee will hold", [.. PortalRoles.All.Select(r => r.Name())], required: true);
        var partner = Options.Text("--partner", "The partner (id) a partner admin belongs to; a partner's own key may leave it out");
        var command = new Command("create", "Invite a person; prints the one-time link (valid 7 days) to give them") { email, role, partner, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject { ["email"] = parse.GetValue(email), ["role"] = parse.GetValue(role) };
            if (parse.GetValue(partner) is { Length: > 0 } p) body["partnerId"] = p;
            var invitation = await api.PostAsync("invitations", body, ct);
            context.Show(parse.GetValue(json), invitation, i =>
            {
                context.Screen.Line($"Invited {i.Text("email")} as {i.Text("role")}, until {i.Time("expiresAt")}. Give them this link (it works once):");
                context.Screen.Line(i.Text("link"));
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
