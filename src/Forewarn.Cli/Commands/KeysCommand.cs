using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn keys …</c>: API keys for staff and partners.</summary>
public static class KeysCommand
{
    /// <summary>How long a key lives when neither --expires-at nor --days is given.</summary>
    public const int DefaultDays = 90;

    public static Command Create(CliContext context) =>
        new("keys", "Issue, list and revoke API keys, and bind them to networks (staff key)")
        {
            List(context), Issue(context), Revoke(context),
            NetworksCommand.For(context, "keys", "Key id or prefix", "Show, set (--set CIDR…) or clear (--clear) the networks a key may be used from"),
        };

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List API keys (never their secrets)") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var keys = await api.GetAsync("keys", ct);
            context.Show(parse.GetValue(json), keys, list =>
            {
                var table = Screen.Table("Id", "Prefix", "Owner", "Partner", "Name", "Scopes", "Created", "Expires", "Revoked");
                foreach (var k in JsonRead.Items(list))
                    Screen.Row(table, k.Text("id"), k.Text("prefix"), k.Text("owner"), k.Text("partnerId"), k.Text("name"),
                        k.Text("scopes"), k.Time("createdAt"), k.Time("expiresAt"), k.Time("revokedAt"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Issue(CliContext context)
    {
        var json = Options.Json();
        var owner = Options.Choice("--owner", "Who holds the key", ["staff", "partner"], required: true);
        var partner = Options.Text("--partner", "Partner id (required for --owner partner)").Ids("a partner");
        var member = Options.Text("--member", "Staff member id for --owner staff (default: yourself); see 'forewarn staff list'").Ids("a staff member");
        var name = Options.Text("--name", "What the key is for, e.g. 'Example Corp TAXII poller'", required: true);
        var scopes = Options.List("--scope", "Scope, e.g. staff:read, staff:write, partner:read, partner:acknowledge, partner:webhooks, partner:sightings (repeatable; default: all for the owner)");
        var expiresAt = Options.Time("--expires-at", "When the key stops working");
        var days = Numbers.Whole("--days", $"Key lifetime in days from now (default {DefaultDays})", min: 1, max: 36_500, helpName: "days");
        var command = new Command("issue", "Issue an API key; its token is shown once")
        {
            owner, partner, member, name, scopes, expiresAt, days, json,
        };
        Options.OneOf(command, required: false, expiresAt, days);
        command.Validators.Add(r =>
        {
            if (string.Equals(r.GetValue(owner), "partner", StringComparison.OrdinalIgnoreCase) && r.GetResult(partner) is null)
                r.AddError("--owner partner needs --partner ID.");
            if (string.Equals(r.GetValue(owner), "partner", StringComparison.OrdinalIgnoreCase) && r.GetResult(member) is not null)
                r.AddError("--member is for staff keys; a partner key belongs to its partner.");
        });
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var expiry = parse.GetValue(expiresAt) ?? WholeSeconds(DateTimeOffset.UtcNow).AddDays(parse.GetValue(days) ?? DefaultDays);
            var body = new JsonObject
            {
                ["owner"] = parse.GetValue(owner)!.ToLowerInvariant(),
                ["name"] = parse.GetValue(name),
                ["scopes"] = Body.Strings(parse.GetValue(scopes)),
                ["expiresAt"] = Moment.ToWire(expiry),
            }.With("partnerId", parse.GetValue(partner)).With("memberId", parse.GetValue(member));
            var answer = await api.PostOrProposeAsync("keys", body, ct);
            Proposed.Show(context, parse.GetValue(json), answer, result =>
            {
                var key = result["key"];
                context.Screen.Write(Screen.Details(
                    ("Id", key.Text("id")),
                    ("Prefix", key.Text("prefix")),
                    ("Owner", key.Text("owner")),
                    ("Partner", key.Text("partnerId")),
                    ("Name", key.Text("name")),
                    ("Scopes", key.Text("scopes")),
                    ("Expires", key.Time("expiresAt"))));
                context.Screen.Line();
                context.Screen.Line("Token (shown only once; store it now):");
                context.Screen.Line(result.Text("token"));
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, t.Offset);

    private static Command Revoke(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Key id");
        var command = new Command("revoke", "Revoke an API key at once") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var key = await api.PostAsync($"keys/{ApiClient.Segment(parse.GetValue(id)!)}/revoke", null, ct);
            context.Show(parse.GetValue(json), key, k =>
                context.Screen.Line($"Revoked key {k.Text("name")} (prefix {k.Text("prefix")}) at ", k.Time("revokedAt"), "."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
