using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn keys networks KEY</c> and <c>forewarn partners networks PARTNER</c>: the networks a
/// key, or every key of a partner, may be used from — shown, set with <c>--set</c> (CIDR blocks,
/// repeatable or comma-separated) or cleared with <c>--clear</c>.
/// </summary>
public static class NetworksCommand
{
    /// <summary>The command for <paramref name="collection"/> (<c>keys</c> or <c>partners</c>).</summary>
    public static Command For(CliContext context, string collection, string what, string description)
    {
        var json = Options.Json();
        var id = Options.Id("id", what);
        var set = Options.List("--set", "CIDR blocks it may be used from, e.g. 192.0.2.0/24 or 2001:db8::/48 (repeatable; replaces the list)");
        var clear = new Option<bool>("--clear") { Description = "Remove the binding: usable from anywhere again" };
        var command = new Command("networks", description) { id, set, clear, json };
        Options.OneOf(command, required: false, set, clear);
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var path = $"{collection}/{ApiClient.Segment(parse.GetValue(id)!)}/networks";
            var answer = parse.GetResult(set) is { Implicit: false } && parse.GetValue(set) is { } blocks ? await api.PutAsync(path, new JsonObject { ["networks"] = Body.Strings(blocks) }, ct)
                : parse.GetValue(clear) ? await api.DeleteAsync(path, ct)
                : await api.GetAsync(path, ct);
            context.Show(parse.GetValue(json), answer, view =>
            {
                var networks = view.Items("networks").Select(n => n?.GetValue<string>() ?? "").ToList();
                context.Screen.Line(networks.Count == 0
                    ? $"The {view.Text("subject")} {view.Text("id")} is not bound to networks."
                    : $"The {view.Text("subject")} {view.Text("id")} may be used only from: {string.Join(", ", networks)}");
                if (view.Text("changedAt").Length > 0)
                    context.Screen.Line($"Changed {JsonRead.FormatTime(view.Text("changedAt"))} by {view.Text("changedBy")}.");
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
