using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn me keys …</c>: a partner's admin key manages the organisation's own API keys —
/// list, issue (the token shown once) and revoke.
/// </summary>
public static class MeKeysCommand
{
    public static Command Create(CliContext context) =>
        new("keys", "Your organisation's API keys: list, issue, revoke (partner admin key)")
        {
            List(context), Issue(context), Revoke(context),
        };

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List your organisation's keys (never their secrets)") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var keys = await api.GetAsync("me/keys", ct);
            context.Show(parse.GetValue(json), keys, list =>
            {
                var table = Screen.Table("Id", "Prefix", "Name", "Scopes", "Created", "Expires", "Revoked", "Last used", "Issued by");
                foreach (var k in JsonRead.Items(list))
                    Screen.Row(table, k.Text("id"), k.Text("prefix"), k.Text("name"), k.Text("scopes"), k.Time("createdAt"),
                        k.Time("expiresAt"), k.Time("revokedAt"), k.Time("lastUsedAt"), k.Text("issuedBy"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Issue(CliContext context)
    {
        var json = Options.Json();
        var name = Options.Text("--name", "What the key is for, e.g. 'SIEM poller'", required: true);
        var scopes = Options.List("--scope", "Scope: partner:read, partner:acknowledge or partner:sightings, one you hold (repeatable; at least one)");
        var expiresAt = Options.Time("--expires-at", "When the key stops working (default: in a year; at most five years)");
        var command = new Command("issue", "Issue a key for your organisation; its token is shown once") { name, scopes, expiresAt, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject
            {
                ["name"] = parse.GetValue(name),
                ["scopes"] = Body.Strings(parse.GetValue(scopes)),
            };
            if (parse.GetValue(expiresAt) is { } at) body["expiresAt"] = Moment.ToWire(at);
            var result = await api.PostAsync("me/keys", body, ct);
            context.Show(parse.GetValue(json), result, r =>
            {
                var key = r["key"];
                context.Screen.Write(Screen.Details(
                    ("Id", key.Text("id")),
                    ("Prefix", key.Text("prefix")),
                    ("Name", key.Text("name")),
                    ("Scopes", key.Text("scopes")),
                    ("Expires", key.Time("expiresAt"))));
                context.Screen.Line();
                context.Screen.Line("Token (shown only once; store it now):");
                context.Screen.Line(r.Text("token"));
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Key id (see 'forewarn me keys list')");
        var command = new Command("revoke", "Revoke one of your organisation's keys at once") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var key = await api.PostAsync($"me/keys/{ApiClient.Segment(parse.GetValue(id)!)}/revoke", null, ct);
            context.Show(parse.GetValue(json), key, k =>
                context.Screen.Line($"Revoked key {k.Text("name")} (prefix {k.Text("prefix")}) at ", k.Time("revokedAt"), "."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
