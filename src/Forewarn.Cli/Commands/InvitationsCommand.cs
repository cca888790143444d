using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Accounts;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn invitations …</c>: one-time links to the portal (docs/portal.md).</summary>
public static class InvitationsCommand
{
    public static Command Create(CliContext context) =>
        new("invitations", "Invite people to the portal: staff key (staff, partner admins) or a partner's admin key (its users)")
        {
            New(context), List(context), Revoke(context), Resend(context),
        };

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List the open invitations (never their links)") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var open = await api.GetAsync("invitations", ct);
            context.Show(parse.GetValue(json), open, list =>
            {
                var table = Screen.Table("Id", "E-mail", "Role", "Partner", "Created", "Expires");
                foreach (var i in JsonRead.Items(list))
                    Screen.Row(table, i.Text("id"), i.Text("email"), i.Text("role"), i.Text("partnerId"), i.Time("createdAt"), i.Time("expiresAt"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Invitation id (see 'forewarn invitations list')");
        var command = new Command("revoke", "Take an open invitation back: its link stops working") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var invitation = await api.PostAsync($"invitations/{ApiClient.Segment(parse.GetValue(id)!)}/revoke", null, ct);
            context.Show(parse.GetValue(json), invitation, i => context.Screen.Line($"Revoked the invitation for {i.Text("email")} ({i.Text("role")})."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Resend(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Invitation id (see 'forewarn invitations list'), open or expired");
        var command = new Command("resend", "Re-send an invitation: the old link stops working and a new one-time link is printed") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var answer = await api.PostOrProposeAsync($"invitations/{ApiClient.Segment(parse.GetValue(id)!)}/resend", new JsonObject(), ct);
            Printed(context, parse.GetValue(json), answer);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A new invitation's link, or — for a role that can write — the proposal and how its proposer collects the link.</summary>
    private static void Printed(CliContext context, bool json, Answer answer)
    {
        Proposed.Show(context, json, answer, i =>
        {
            context.Screen.Line($"Invited {i.Text("email")} as {i.Text("role")}, until {i.Time("expiresAt")}. Give them this link (it works once):");
            context.Screen.Line(i.Text("link"));
        });
        if (answer.Proposed && !json)
            context.Screen.Line($"Once approved, you collect the link with: forewarn approvals invitation {answer.Body.Text("id")}");
    }

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
            // An invitation to a role that can write may wait for a second staff member; its proposer then collects the link.
            var answer = await api.PostOrProposeAsync("invitations", body, ct);
            Printed(context, parse.GetValue(json), answer);
            return ExitCodes.Success;
        }));
        return command;
    }
}
