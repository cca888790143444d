using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Common;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn trace FILE</c>: names the partners whose copy a leaked text is (staff key). Exits 0
/// whenever the trace ran — whether or not anyone was named (the verdict says which; scripts read
/// <c>accused</c> in <c>--json</c>) — and 1 when the file cannot be read or the server refuses.
/// </summary>
public static class TraceCommand
{
    /// <summary>How many of the artifacts considered are shown when the artifact was found automatically.</summary>
    public const int CandidatesShown = 5;

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The leaked text or code, as found ('-' reads standard input)" };
        var artifact = Options.Text("--artifact", "The artifact the leak is a copy of (artifact id; default: every fingerprinted artifact of the advisory found)").Ids("an artifact");
        var advisory = Options.Text("--advisory", "The advisory whose artifacts the leak may mix (id or reference; default: found automatically)");
        var epsilon = Numbers.Fraction("--epsilon", "Bound on the chance of naming anyone innocent, strictly between 0 and 1 (default 1e-6)", "1e-6");
        var json = Options.Json();
        var command = new Command("trace",
            "Name the partners whose copy a leaked text or PoC is, with a bound on naming anyone innocent (staff key); exit 0 when the trace ran, named or not")
        {
            file, artifact, advisory, epsilon, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var leaked = await ReadAsync(parse.GetValue(file)!, ct);
            var body = new JsonObject { ["leaked"] = leaked }.With("artifactId", parse.GetValue(artifact))
                .With("advisory", parse.GetValue(advisory));
            if (parse.GetValue(epsilon) is { } e) body["epsilon"] = e;
            var result = await api.PostAsync("trace", body, ct);
            context.Show(parse.GetValue(json), result, r => Human(context.Screen, r));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<string> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(path == "-" ? $"standard input cannot be read: {e.Message}" : $"{path} cannot be read: {e.Message}");
        }
    }

    private static void Human(Screen screen, JsonNode r)
    {
        var found = r["candidates"] is JsonArray;
        var advisoryWide = r.Text("scope") == "advisory";
        screen.Write(Screen.Details(
            (advisoryWide ? "Most marks in" : "Artifact", $"{r.Text("artifactTitle")} ({r.Text("artifactId")}){(found ? ", found automatically" : "")}"),
            ("Advisory", r.Text("advisoryReference")),
            ("Marked as", r.Text("method")),
            ("Marks read", $"{r.Text("marksRead")} of {Counted.Of(r.Number("sites"), "site", "sites")}"
                + (r.Number("marksSetAside") is > 0 and var aside ? $" ({aside} more set aside: their whole class was normalised)" : "")),
            ("Threshold", Score(r["threshold"]) is { Length: > 0 } t ? t : "none (no mark read)"),
            ("Second test", r["unreached"] is JsonObject u
                ? $"{u.Text("marksRead")} marks no normaliser reaches, threshold {Score(u["threshold"])} (each test at ε/2)" : "none (one test over every mark read)"),
            ("Population", Counted.Of(r.Number("population"), "partner", "partners")),
            ("ε", Epsilon(r["epsilon"]))));
        var accused = r.Items("accused").ToList();
        if (accused.Count > 0)
        {
            screen.Heading("Named");
            screen.Write(Scores(accused));
        }
        screen.Line();
        screen.Line(r.Text("verdict"));
        if (advisoryWide)
        {
            screen.Heading("Traced together (one code across the advisory)");
            var shares = Screen.Table("Artifact", "Title", "Marked as", "Marks read");
            foreach (var a in r.Items("artifacts"))
                Screen.Row(shares, a.Text("artifactId"), a.Text("artifactTitle"), a.Text("method"), $"{a.Text("marksRead")} of {a.Text("sites")}");
            screen.Write(shares);
        }
        var near = r.Items("nearMisses").ToList();
        if (near.Count > 0)
        {
            screen.Heading("Near misses (below the threshold: not named)");
            screen.Write(Scores(near));
        }
        if (!found) return;
        screen.Heading("Artifacts considered, most likely first");
        var table = Screen.Table("Artifact", "Advisory", "Title", "Marked as", "Marks read", "Similarity");
        foreach (var c in r.Items("candidates").Take(CandidatesShown))
            Screen.Row(table, c.Text("artifactId"), c.Text("advisoryReference"), c.Text("artifactTitle"), c.Text("method"),
                $"{c.Text("marksRead")} of {c.Text("sites")}", c.Text("similarity"));
        screen.Write(table);
    }

    private static Spectre.Console.Table Scores(IEnumerable<JsonNode> scores)
    {
        var table = Screen.Table("Partner", "Id", "Score");
        foreach (var s in scores) Screen.Row(table, s.Text("partnerName"), s.Text("partnerId"), Score(s["score"]));
        return table;
    }

    private static string Score(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>().ToString("0.0", CultureInfo.InvariantCulture) : "";

    private static string Epsilon(JsonNode? node)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number) return JsonRead.Plain(node);
        var e = v.GetValue<double>();
        return e >= 0.001 ? e.ToString("0.###", CultureInfo.InvariantCulture) : e.ToString("0.##e0", CultureInfo.InvariantCulture);
    }
}
