using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Common;
using Spectre.Console;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn advisories …</c>: author advisories, their artifacts and notification waves.</summary>
public static class AdvisoriesCommand
{
    public static Command Create(CliContext context) =>
        new("advisories", "Author advisories, add artifacts and schedule notification waves (staff key)")
        {
            List(context),
            Show(context),
            AdvisoryCreate.Create(context),
            Schedule(context),
            ArtifactAdd.Create(context),
            WaveSchedule.Create(context),
            AdvisoryChanges.CancelWave(context),
            AdvisoryChanges.Revise(context),
            AdvisoryChanges.MoveRelease(context),
            AdvisoryChanges.Withdraw(context),
            AdvisoryChanges.BreakEmbargo(context),
            TimelineCommands.OfAdvisory(context),
        };

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List advisories") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var advisories = await api.GetAsync("advisories", ct);
            context.Show(parse.GetValue(json), advisories, list =>
            {
                var items = JsonRead.Items(list).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line("No advisories yet.");
                    return;
                }
                var table = Screen.Table("Reference", "Title", "State", "Release", "CVEs", "CVSS", "Artifacts", "Waves");
                foreach (var a in items)
                    Screen.Row(table, a.Text("reference"), a.Text("title"), a.Text("state"), a.Time("releaseAt"), a.Text("cveIds"),
                        a.Text("cvssScore"), a.Text("artifactCount"), a.Text("waveCount"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("advisory", "Advisory reference or id");
        var command = new Command("show", "Show an advisory with its artifacts, waves and revisions") { reference, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var path = Path(parse.GetValue(reference)!);
            var advisory = await api.GetAsync(path, ct);
            var fingerprints = await api.GetAsync($"{path}/fingerprints", ct);
            advisory!["fingerprints"] = fingerprints?.DeepClone();
            context.Show(parse.GetValue(json), advisory, a =>
            {
                Render(context.Screen, a);
                RenderFingerprints(context.Screen, fingerprints);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Schedule(CliContext context)
    {
        var json = Options.Json();
        var reference = Options.Id("advisory", "Advisory reference or id");
        var command = new Command("schedule", "Fix the coordinated release date: the draft becomes scheduled") { reference, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var advisory = await api.PostAsync($"{Path(parse.GetValue(reference)!)}/schedule", null, ct);
            context.Show(parse.GetValue(json), advisory, a =>
                context.Screen.Line($"{a.Text("reference")} is ", a.Text("state"), $"; release at {a.Time("releaseAt")}."));
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static string Path(string idOrReference) => $"advisories/{ApiClient.Segment(idOrReference)}";

    internal static IReadOnlyList<string> ClassNames { get; } = [.. ContentClasses.All.Select(c => c.Name())];

    internal static void Render(Screen screen, JsonNode a)
    {
        var cvss = string.Join(" ", new[] { a.Text("cvssScore"), a.Text("cvssSeverity") }.Where(s => s.Length > 0));
        screen.Write(Screen.Details(
            ("Reference", a.Text("reference")),
            ("Id", a.Text("id")),
            ("Title", a.Text("title")),
            ("State", a.Text("state")),
            ("Release", a.Time("releaseAt")),
            ("Scheduled", a.Time("scheduledAt")),
            ("Withdrawn", a.Time("withdrawnAt")),
            ("CVEs", a.Text("cveIds")),
            ("Products", a.Text("products")),
            ("CVSS", cvss),
            ("CVSS vector", a.Text("cvssVector")),
            ("Summary", a.Text("summary"))));

        var artifacts = a.Items("artifacts").ToList();
        screen.Heading($"Artifacts ({artifacts.Count})");
        if (artifacts.Count > 0)
        {
            var table = Screen.Table("Id", "Title", "Class", "TLP", "File", "Size", "SHA-256", "Created");
            foreach (var x in artifacts)
                Screen.Row(table, x.Text("id"), x.Text("title"), x.Text("class"), x.Text("tlp"),
                    Join(x.Text("fileName"), x.Text("mediaType")), x.Text("size"), Short(x.Text("sha256")), x.Time("createdAt"));
            screen.Write(table);
        }

        var waves = a.Items("waves").ToList();
        screen.Heading($"Waves ({waves.Count})");
        if (waves.Count > 0)
        {
            var table = Screen.Table("#", "Kind", "At", "Artifacts", "Note", "Id");
            foreach (var w in waves)
                Screen.Row(table, w.Text("number"), w.Text("kind"), w.Time("at"), w.Text("artifactIds"), w.Text("note"), w.Text("id"));
            screen.Write(table);
        }

        Proposed.Pending(screen, a);

        var revisions = a.Items("revisions").ToList();
        if (revisions.Count > 0)
        {
            screen.Heading("Revisions");
            var table = Screen.Table("#", "At", "Summary", "By");
            foreach (var r in revisions)
                Screen.Row(table, r.Text("number"), r.Time("at"), r.Text("summary"), r.Text("actor"));
            screen.Write(table);
        }
    }

    /// <summary>The fingerprint capacity of an advisory's marked artifacts, then the warnings for staff.</summary>
    internal static void RenderFingerprints(Screen screen, JsonNode? report)
    {
        var items = report.Items("fingerprints").ToList();
        screen.Heading($"Fingerprints ({items.Count})");
        if (items.Count > 0)
        {
            var table = Screen.Table("Artifact", "Title", "Method", "Marks", "Recipients", "Colluders resisted", "Marks for 2");
            foreach (var f in items)
                Screen.Row(table, f.Text("artifactId"), f.Text("title"), f.Text("method"), f.Text("sites"), f.Text("recipients"),
                    f.Text("colludersResisted"), f.Text("sitesNeededFor2"));
            screen.Write(table);
        }
        if (report?["advisory"] is JsonObject all)
        {
            screen.Line($"All together (one code across the advisory): {all.Text("sites")} marks, {all.Text("recipients")} recipients; "
                + $"names {all.Text("colludersResisted")} colluders whatever they do, {all.Text("colludersResistedMixing")} who mix their copies.");
            foreach (var advice in all.Items("advice")) screen.Line(JsonRead.Plain(advice));
        }
        Warnings(screen, report.Items("warnings").Select(JsonRead.Plain));
    }

    /// <summary>One line on an artifact's marks: how many, of which kinds, and what they are enough for.</summary>
    internal static string FingerprintLine(JsonNode? fingerprint)
    {
        if (fingerprint is null) return "";
        var kinds = fingerprint["kinds"] is JsonObject k ? string.Join(", ", k.Select(p => $"{p.Value} {p.Key}")) : "";
        return $"{Counted.Of(fingerprint.Number("sites"), "mark", "marks")} ({kinds}); " +
            $"{Counted.Of(fingerprint.Number("recipients"), "recipient", "recipients")}; " +
            $"names up to {Counted.Of(fingerprint.Number("colludersResisted"), "colluder", "colluders")} at ε = {fingerprint.Text("epsilon")}";
    }

    /// <summary>Warnings for staff, in yellow.</summary>
    internal static void Warnings(Screen screen, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings.Where(w => w.Length > 0))
            screen.Write(new Text($"Warning: {warning}\n", new Style(Color.Yellow)));
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a} ({b})";

    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;
}
