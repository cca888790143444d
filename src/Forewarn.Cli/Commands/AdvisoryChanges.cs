using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn advisories revise|move-release|withdraw|break-embargo|cancel-wave</c>: change an advisory after it was
/// created. Every change but a cancelled wave is kept as a revision with the reason given.
/// </summary>
public static class AdvisoryChanges
{
    public static Command Revise(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("advisory", "Advisory reference or id");
        var title = Options.Text("--title", "New title");
        var summary = Options.Text("--summary", "New summary for partners (\"\" clears it)");
        var cves = Options.List("--cve", "CVE id; replaces the advisory's CVE list (repeatable)");
        var products = Options.List("--product", "Affected product; replaces the product list (repeatable)");
        var cvss = Options.Text("--cvss", "New CVSS v3.1 vector (\"\" clears it)");
        var change = Options.Text("--change", "What changed, in a sentence (kept as the revision's summary)", required: true);
        var command = new Command("revise", "Revise an advisory's title, summary, CVEs, products or CVSS vector; only what you give changes")
        {
            reference, title, summary, cves, products, cvss, change, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject();
            if (Given(parse, title)) body["title"] = parse.GetValue(title) ?? "";
            if (Given(parse, summary)) body["summary"] = parse.GetValue(summary) ?? "";
            if (Given(parse, cves)) body["cveIds"] = Body.Strings(parse.GetValue(cves)?.Select(c => c.ToUpperInvariant()));
            if (Given(parse, products)) body["products"] = Body.Strings(parse.GetValue(products));
            if (Given(parse, cvss)) body["cvssVector"] = parse.GetValue(cvss) ?? "";
            body["change"] = parse.GetValue(change);
            var advisory = await api.PatchAsync(AdvisoriesCommand.Path(parse.GetValue(reference)!), body, ct);
            context.Show(parse.GetValue(json), advisory, a =>
            {
                context.Screen.Line("Revised ", a.Text("reference"), $" (revision {LastRevision(a)}).");
                AdvisoriesCommand.Render(context.Screen, a);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command MoveRelease(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("advisory", "Advisory reference or id");
        var releaseAt = Options.Time("--release-at", "The new coordinated release time", required: true);
        var reason = Options.Text("--reason", "Why the release moves (kept as a revision)", required: true);
        var command = new Command("move-release", "Move the coordinated release time (postpone or advance) before release")
        {
            reference, releaseAt, reason, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject
            {
                ["releaseAt"] = Moment.ToWire(parse.GetValue(releaseAt)!.Value),
                ["reason"] = parse.GetValue(reason),
            };
            var answer = await api.PostOrProposeAsync($"{AdvisoriesCommand.Path(parse.GetValue(reference)!)}/release-time", body, ct);
            Proposed.Show(context, parse.GetValue(json), answer, a =>
                context.Screen.Line($"{a.Text("reference")} now releases at ", a.Time("releaseAt"), $" ({a.Text("state")})."));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command BreakEmbargo(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("advisory", "Advisory reference or id");
        var sighting = Options.Text("--sighting", "The sighting of exploitation before release (its id; see 'forewarn sightings list')", required: true)
            .Ids("a sighting");
        var reason = Options.Text("--reason", "Why the embargo is broken (kept as a revision and told to the partners)", required: true);
        var command = new Command("break-embargo",
            "Break the embargo because of a sighting: release now, tell every partner and publish the public advisory (final)")
        {
            reference, sighting, reason, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject { ["sighting"] = parse.GetValue(sighting)!.Trim(), ["reason"] = parse.GetValue(reason) };
            var answer = await api.PostOrProposeAsync($"{AdvisoriesCommand.Path(parse.GetValue(reference)!)}/embargo-break", body, ct);
            Proposed.Show(context, parse.GetValue(json), answer, a =>
                context.Screen.Line($"The embargo of {a.Text("reference")} is broken: ", a.Text("state"), $" at {a.Time("releaseAt")}; the partners are told."));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Withdraw(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("advisory", "Advisory reference or id");
        var reason = Options.Text("--reason", "Why the advisory is withdrawn (kept as a revision)", required: true);
        var command = new Command("withdraw", "Withdraw an advisory: nothing of it is served any more (final)") { reference, reason, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var advisory = await api.PostAsync($"{AdvisoriesCommand.Path(parse.GetValue(reference)!)}/withdraw",
                new JsonObject { ["reason"] = parse.GetValue(reason) }, ct);
            context.Show(parse.GetValue(json), advisory, a =>
                context.Screen.Line($"{a.Text("reference")} is ", a.Text("state"), $" since {a.Time("withdrawnAt")}: {a.Text("withdrawnReason")}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command CancelWave(CliContext context)
    {
        var reference = Options.Id("advisory", "Advisory reference or id");
        var number = Numbers.WholeArgument("number", "Wave number (see 'forewarn advisories show')", min: 1, subject: "the wave number");
        var command = new Command("cancel-wave", "Cancel a wave that has not gone out yet") { reference, number };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var advisory = parse.GetValue(reference)!;
            var n = parse.GetValue(number);
            await api.DeleteAsync($"{AdvisoriesCommand.Path(advisory)}/waves/{n}", ct);
            context.Screen.Line($"Cancelled wave {n} of ", advisory.Trim(), ".");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    private static string LastRevision(JsonNode a) => a.Items("revisions").LastOrDefault().Text("number");
}
