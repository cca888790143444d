using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn advisories create</c>: a new draft advisory.</summary>
public static class AdvisoryCreate
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Text("--reference", "Your reference, e.g. FW-2025-0042 (unique)", required: true);
        var title = Options.Text("--title", "Title", required: true);
        var summary = Options.Text("--summary", "Summary for partners");
        var cves = Options.List("--cve", "CVE id, e.g. CVE-2025-53770 (repeatable)");
        var products = Options.List("--product", "Affected product (repeatable)");
        var cvss = Options.Text("--cvss", "CVSS v3.1 vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        var releaseAt = Options.Time("--release-at", "Coordinated release date: when the embargo lifts", required: true);
        var command = new Command("create", "Create a draft advisory")
        {
            reference, title, summary, cves, products, cvss, releaseAt, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject
            {
                ["reference"] = parse.GetValue(reference),
                ["title"] = parse.GetValue(title),
                ["summary"] = parse.GetValue(summary) ?? "",
                ["cveIds"] = Body.Strings(parse.GetValue(cves)?.Select(c => c.ToUpperInvariant())),
                ["products"] = Body.Strings(parse.GetValue(products)),
                ["releaseAt"] = Moment.ToWire(parse.GetValue(releaseAt)!.Value),
            }.With("cvssVector", parse.GetValue(cvss));
            var advisory = await api.PostAsync("advisories", body, ct);
            context.Show(parse.GetValue(json), advisory, a =>
            {
                context.Screen.Line("Created advisory ", a.Text("reference"), $" ({a.Text("id")}), {a.Text("state")}.");
                AdvisoriesCommand.Render(context.Screen, a);
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
