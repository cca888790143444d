using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn approvals …</c>: four eyes. Changes that need a second staff member wait here as
/// proposals; a different member approves (the change is made then) or rejects them.
/// </summary>
public static class ApprovalsCommand
{
    public static Command Create(CliContext context) =>
        new("approvals", "Proposals that need a second staff member's approval: list, show, approve, reject; collect an approved key or invitation (staff key)")
        {
            List(context), Show(context), Approve(context), Reject(context), Key(context), Invitation(context),
        };

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var state = Options.Choice("--state", "Which proposals (default: pending)", ["pending", "approved", "rejected", "expired", "all"]);
        var command = new Command("list", "List proposals, newest first (default: those waiting for approval)") { state, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var wanted = parse.GetValue(state)?.ToLowerInvariant() ?? "pending";
            var proposals = await api.GetAsync($"approvals?state={wanted}", ct);
            context.Show(parse.GetValue(json), proposals, list =>
            {
                var items = JsonRead.Items(list).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line(wanted == "pending" ? "Nothing waits for approval." : $"No {wanted} proposals.");
                    return;
                }
                var table = Screen.Table("Id", "Action", "State", "Summary", "Proposed by", "Proposed", "Expires", "Decided by");
                foreach (var p in items)
                    Screen.Row(table, p.Text("id"), p.Text("action"), p.Text("state"), p.Text("summary"), p.Text("proposedBy"),
                        p.Time("proposedAt"), p.Time("expiresAt"), p.Text("decidedBy"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Proposal id");
        var command = new Command("show", "Show a proposal with the request it will run") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var proposal = await api.GetAsync($"approvals/{ApiClient.Segment(parse.GetValue(id)!)}", ct);
            context.Show(parse.GetValue(json), proposal, p => Render(context.Screen, p));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Approve(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Proposal id");
        var command = new Command("approve", "Approve a proposal as a different staff member; the change is made now") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var proposal = await api.PostAsync($"approvals/{ApiClient.Segment(parse.GetValue(id)!)}/approve", new JsonObject(), ct);
            context.Show(parse.GetValue(json), proposal, p =>
            {
                context.Screen.Line("Approved: ", p.Text("summary"));
                if (p.Text("outcome").Length > 0) context.Screen.Line("Made: ", p.Text("outcome"));
                else if (p.Text("action") == "staff-write-key")
                    context.Screen.Line($"The member the key is for collects it with: forewarn approvals key {p.Text("id")}");
                else if (p.Text("action") == "write-role-invitation")
                    context.Screen.Line($"The proposer collects the link with: forewarn approvals invitation {p.Text("id")}");
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Reject(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Proposal id");
        var reason = Options.Text("--reason", "Why (kept with the proposal and in the log)", required: true);
        var command = new Command("reject", "Reject a proposal as a different staff member; nothing changes") { id, reason, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var proposal = await api.PostAsync($"approvals/{ApiClient.Segment(parse.GetValue(id)!)}/reject",
                new JsonObject { ["reason"] = parse.GetValue(reason) }, ct);
            context.Show(parse.GetValue(json), proposal, p => context.Screen.Line("Rejected: ", p.Text("summary")));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Key(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Proposal id of an approved staff key");
        var command = new Command("key", "Collect an approved staff key that is for you; its token is shown once") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var issued = await api.PostAsync($"approvals/{ApiClient.Segment(parse.GetValue(id)!)}/key", new JsonObject(), ct);
            context.Show(parse.GetValue(json), issued, result =>
            {
                var key = result["key"];
                context.Screen.Write(Screen.Details(("Id", key.Text("id")), ("Prefix", key.Text("prefix")), ("Name", key.Text("name")),
                    ("Scopes", key.Text("scopes")), ("Expires", key.Time("expiresAt"))));
                context.Screen.Line();
                context.Screen.Line("Token (shown only once; store it now):");
                context.Screen.Line(result.Text("token"));
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Invitation(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Proposal id of an approved invitation you proposed");
        var command = new Command("invitation", "Collect the one-time link of an approved invitation to a role that can write; only its proposer, once") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var invitation = await api.PostAsync($"approvals/{ApiClient.Segment(parse.GetValue(id)!)}/invitation", new JsonObject(), ct);
            context.Show(parse.GetValue(json), invitation, i =>
            {
                context.Screen.Line($"Invited {i.Text("email")} as {i.Text("role")}, until {i.Time("expiresAt")}. Give them this link (shown only now; it works once):");
                context.Screen.Line(i.Text("link"));
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static void Render(Screen screen, JsonNode p) =>
        screen.Write(Screen.Details(
            ("Id", p.Text("id")),
            ("Action", p.Text("action")),
            ("State", p.Text("state")),
            ("Summary", p.Text("summary")),
            ("Proposed by", p.Text("proposedBy")),
            ("Proposed", p.Time("proposedAt")),
            ("Takes effect", p["effectiveAt"] is null ? "when approved" : p.Time("effectiveAt")),
            ("Expires", p.Time("expiresAt")),
            ("Decided by", p.Text("decidedBy")),
            ("Decided", p.Time("decidedAt")),
            ("Reason", p.Text("reason")),
            ("Outcome", p.Text("outcome")),
            ("Request", p["request"]?.ToJsonString() ?? "")));
}
