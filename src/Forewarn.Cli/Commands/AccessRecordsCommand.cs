using System.CommandLine;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn access-records</c>: who asked for which artifact, when, and what was decided.</summary>
public static class AccessRecordsCommand
{
    public const int MaxLimit = 1000;

    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var partner = Options.Text("--partner", "Only this partner's requests (partner id)").Ids("a partner");
        var artifact = Options.Text("--artifact", "Only requests for this artifact (artifact id)").Ids("an artifact");
        var limit = Numbers.Whole("--limit", $"At most this many records, newest first (1–{MaxLimit}; default 100)", min: 1, max: MaxLimit);
        var command = new Command("access-records", "Every serve-or-deny decision: who asked for which artifact, when, the verdict, the deciding rules and the copy served (staff key)")
        {
            partner, artifact, limit, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var query = new List<string>();
            if (parse.GetValue(partner) is { } p) query.Add($"partner={ApiClient.Segment(p)}");
            if (parse.GetValue(artifact) is { } a) query.Add($"artifact={ApiClient.Segment(a)}");
            if (parse.GetValue(limit) is { } n) query.Add($"limit={n}");
            var records = await api.GetAsync(query.Count == 0 ? "access-records" : $"access-records?{string.Join('&', query)}", ct);
            if (parse.GetValue(json))
            {
                context.Screen.Json(records);
                return ExitCodes.Success;
            }
            var items = JsonRead.Items(records).ToList();
            if (items.Count == 0)
            {
                context.Screen.Line("No access records match.");
                return ExitCodes.Success;
            }
            var names = await PartnerNamesAsync(api, ct);
            var table = Screen.Table("Time", "Partner", "Artifact", "Verdict", "Rules", "Channel", "Copy SHA-256", "Marks");
            // With the copy columns the table is wide: the rules wrap, the names and hashes stay whole.
            foreach (var column in new[] { 0, 1, 3, 6 }) table.Columns[column].NoWrap = true;
            foreach (var r in items)
            {
                var id = r.Text("partnerId");
                Screen.Row(table, r.Time("at"), names.GetValueOrDefault(id, id), r.Text("artifactId"), r.Text("verdict"),
                    r.Text("rules"), r.Text("channel"), Short(r.Text("copySha256")), r.Text("marks"));
            }
            context.Screen.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The copy's hash, cut for the table (whole in <c>--json</c>): enough to tell copies apart.</summary>
    private static string Short(string hash) => hash.Length > 16 ? hash[..16] + "…" : hash;

    /// <summary>Partner ids as legal names for people; the ids stay in <c>--json</c>.</summary>
    private static async Task<Dictionary<string, string>> PartnerNamesAsync(ApiClient api, CancellationToken ct)
    {
        var partners = await api.GetAsync("partners", ct);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in JsonRead.Items(partners))
            names[p.Text("id")] = p.Text("legalName");
        return names;
    }
}
