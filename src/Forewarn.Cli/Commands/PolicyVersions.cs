using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn policy versions|publish</c>: the policy's history, and a new version of it.</summary>
public static class PolicyVersions
{
    public static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("versions", "List every policy version: when it took effect, why, and its rules") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var versions = await api.GetAsync("policy/versions", ct);
            context.Show(parse.GetValue(json), versions, list =>
            {
                var items = JsonRead.Items(list).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line("No policy versions yet.");
                    return;
                }
                var table = Screen.Table("#", "Effective from", "Reason", "Rules", "Author");
                foreach (var v in items)
                    Screen.Row(table, v.Text("number"), v.Time("effectiveFrom"), v.Text("reason"),
                        string.Join(", ", v.Items("rules").Select(r => r.Text("id"))), v.Text("author"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Publish(CliContext context)
    {
        var json = Options.Json();
        var file = new Option<FileInfo>("--file")
        {
            Description = "JSON file: { \"effectiveFrom\": time, \"reason\": text, \"rules\": [ { id, kind, title, fact, classes, atReleaseOnly } ] }",
            Required = true,
            HelpName = "path",
        };
        var command = new Command("publish", "Publish a new policy version from a file; it takes effect at its effectiveFrom (now or later)")
        {
            file, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = await ReadAsync(parse.GetValue(file)!, ct);
            var answer = await api.PostOrProposeAsync("policy/versions", body, ct);
            Proposed.Show(context, parse.GetValue(json), answer, v =>
            {
                context.Screen.Line("Published policy version ", v.Text("number"), $", effective from {v.Time("effectiveFrom")}.");
                var table = Screen.Table("Rule", "Kind", "Title", "Fact", "Classes", "At release only", "Since");
                foreach (var r in v.Items("rules"))
                    Screen.Row(table, r.Text("id"), r.Text("kind"), r.Text("title"), r.Text("fact"), r.Text("classes"),
                        r.Text("atReleaseOnly"), r.Time("since"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Reads and checks the file's shape locally, so a typo is named in the user's terms (the file, the
    /// field) rather than coming back as the server's complaint about a request body the user never saw.
    /// </summary>
    private static async Task<JsonObject> ReadAsync(FileInfo file, CancellationToken ct)
    {
        if (Directory.Exists(file.FullName)) throw new InputException($"{file.FullName} is a directory, not a file.");
        if (!file.Exists) throw new InputException($"no such file: {file.FullName}");
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read {file.FullName}: {e.Message}");
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text,
                documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InputException($"{file.Name} is not valid JSON: {e.Message}");
        }
        if (node is not JsonObject body)
            throw new InputException($"{file.Name} must hold one JSON object with effectiveFrom, reason and rules.");

        var effective = body["effectiveFrom"];
        if (effective is not null)
        {
            if (effective is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !Moment.TryParse(v.GetValue<string>(), out var at))
                throw new InputException($"effectiveFrom in {file.Name} is not a time; {Moment.Hint}.");
            body["effectiveFrom"] = Moment.ToWire(at);
        }
        if (body["reason"] is not JsonValue reason || reason.GetValueKind() != JsonValueKind.String)
            throw new InputException($"{file.Name} needs a \"reason\": why the policy changes.");
        if (body["rules"] is not JsonArray rules)
            throw new InputException($"{file.Name} needs \"rules\": a list of rule objects.");
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not JsonObject rule)
                throw new InputException($"rules[{i}] in {file.Name} is not an object.");
            if (rule["classes"] is { } classes && classes is not JsonArray)
                throw new InputException($"rules[{i}].classes in {file.Name} must be a list, e.g. [\"poc\"].");
            if (rule["atReleaseOnly"] is { } flag && flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                throw new InputException($"rules[{i}].atReleaseOnly in {file.Name} must be true or false.");
            foreach (var name in new[] { "id", "kind", "title", "fact" })
                if (rule[name] is { } field && field.GetValueKind() != JsonValueKind.String)
                    throw new InputException($"rules[{i}].{name} in {file.Name} must be text.");
        }
        return body;
    }
}
