using System.CommandLine;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn advisories timeline ADVISORY --out F</c>, <c>forewarn cases timeline CASE --out F</c> (the incident
/// timeline picture, SVG or PNG by the file's extension) and <c>forewarn cases report CASE --out report.html</c>.
/// </summary>
public static class TimelineCommands
{
    public static Command OfAdvisory(CliContext context) =>
        Picture(context, Options.Id("advisory", "The advisory's reference or id"), "advisories", "the advisory");

    public static Command OfCase(CliContext context) =>
        Picture(context, Options.Id("case", "The case's reference (CASE-2026-0001) or id"), "cases", "the case");

    public static Command Report(CliContext context)
    {
        var id = Options.Id("case", "The case's reference (CASE-2026-0001) or id");
        var output = PictureOutput.Out("Write the report to this HTML file", ".html", ".htm");
        var command = new Command("report",
            "Write the case as one self-contained HTML file: timeline, exposure, traces, evidence, decisions, and every cited log entry with its proof (check it with 'log verify-report')")
            { id, output };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, (api, ct) =>
            PictureOutput.SaveAsync(context, api, $"cases/{ApiClient.Segment(parse.GetValue(id)!)}/report.html", parse.GetValue(output)!, "the case report", ct)));
        return command;
    }

    private static Command Picture(CliContext context, Argument<string> id, string collection, string what)
    {
        var output = PictureOutput.Out("Write the picture to this file: .svg or .png", ".svg", ".png");
        var command = new Command("timeline", $"Draw {what}'s incident timeline (waves, release, sightings, partners' first notices and fetches) as SVG or PNG")
            { id, output };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, (api, ct) =>
        {
            var file = parse.GetValue(output)!;
            return PictureOutput.SaveAsync(context, api, $"{collection}/{ApiClient.Segment(parse.GetValue(id)!)}/timeline.{PictureOutput.Format(file)}", file,
                $"the timeline of {parse.GetValue(id)}", ct);
        }));
        return command;
    }
}
