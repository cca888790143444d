using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Cases;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn cases decide</c> and <c>forewarn cases decide-appeal</c>: decisions on partners and on their appeals.</summary>
public static class CaseDecide
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("case", "Case reference or id");
        var partner = Options.Text("--partner", "The partner decided on (its id)", required: true);
        var kind = Options.Choice("--decision", "What is decided", [.. DecisionKinds.All.Select(k => k.Name())], required: true);
        var reason = Options.Text("--reason", "Why — the partner is told this (never the evidence)", required: true);
        var classes = Options.List("--class", "For restrict: a content class to withhold (repeatable)");
        var tier = Options.Text("--tier", "For move-tier: the tier to move to");
        var lifts = Numbers.Whole("--lifts", "For reinstate: the number of the decision whose sanction is lifted", 1, int.MaxValue);
        var command = new Command("decide", "Decide on a partner: no-action, warning, restrict, move-tier, probation, suspend, remove, or reinstate (lift an earlier sanction)")
        {
            reference, partner, kind, reason, classes, tier, lifts, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject
            {
                ["partner"] = parse.GetValue(partner),
                ["kind"] = parse.GetValue(kind)!.ToLowerInvariant(),
                ["reason"] = parse.GetValue(reason),
                ["classes"] = Body.Strings(parse.GetValue(classes)),
                ["tier"] = parse.GetValue(tier),
                ["lifts"] = parse.GetValue(lifts),
            };
            var answer = await api.PostOrProposeAsync($"{CasesCommand.Path(parse.GetValue(reference)!)}/decisions", body, ct);
            Proposed.Show(context, parse.GetValue(json), answer, d =>
                context.Screen.Line($"Decision {d.Text("number")} on {d.Text("partner")}: ", d.Text("kind"), $" — {d.Text("state")}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Appeal(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("case", "Case reference or id");
        var number = Numbers.WholeArgument("decision", "The number of the appealed decision in the case", 1, int.MaxValue);
        var outcome = Options.Choice("--outcome", "Uphold the decision, or overturn it (which lifts its sanction where it can be lifted)", ["uphold", "overturn"], required: true);
        var reason = Options.Text("--reason", "Why — the partner is told this", required: true);
        var command = new Command("decide-appeal", "Decide a partner's appeal of a decision") { reference, number, outcome, reason, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var decided = await api.PostAsync(
                $"{CasesCommand.Path(parse.GetValue(reference)!)}/decisions/{parse.GetValue(number)}/appeal-decision",
                new JsonObject { ["outcome"] = parse.GetValue(outcome)!.ToLowerInvariant(), ["reason"] = parse.GetValue(reason) }, ct);
            context.Show(parse.GetValue(json), decided, d =>
            {
                context.Screen.Line($"The appeal of decision {d["decision"].Text("number")} was ", d["decision"]!["appeal"].Text("outcome"), ".");
                if (d["reinstatement"] is { } r) context.Screen.Line($"Decision {r.Text("number")} reinstates the partner.");
                if (d["proposal"] is { } p) Proposed.Lines(context.Screen, p);
                if (d.Text("notLifted") is { Length: > 0 } why) context.Screen.Line("Nothing was lifted: ", why);
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
