using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;

namespace Forewarn.Cli.Commands.Log;

/// <summary>
/// <c>forewarn log …</c>: the transparency log — its public checkpoint and key, entries (staff, or a
/// partner's own), receipts, a full audit, and offline checks of receipts and proofs.
/// </summary>
public static class LogCommand
{
    public static Command Create(CliContext context) =>
        new("log", "The transparency log: checkpoint, key, entries, receipts; verify the log, a receipt, a case report or a proof")
        {
            Checkpoint(context), Key(context), Entries(context), Mine(context), ReceiptCommand(context), LogProofCommand.Create(context),
            LogVerifyCommand.Create(context), LogOfflineChecks.VerifyReceipt(context), LogOfflineChecks.VerifyReport(context), LogOfflineChecks.VerifyProof(context),
        };

    private static Command Checkpoint(CliContext context)
    {
        var command = new Command("checkpoint", "Print the latest signed checkpoint (a C2SP signed note; save it to check proofs against)");
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            context.Out.Write(await api.GetTextAsync("../../log/v1/checkpoint", ct));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Key(CliContext context)
    {
        var command = new Command("key", "Print the log's public verifier key as the server publishes it");
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            context.Out.WriteLine((await api.GetTextAsync("../../log/v1/key", ct)).Trim());
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Entries(CliContext context)
    {
        var (start, limit) = PageOptions();
        var kind = Options.Text("--kind", "Only entries of this kind (content.served, key.issued, …)");
        var partner = Options.Text("--partner", "Only entries about this partner (partner id)").Ids("a partner");
        var json = Options.Json();
        var command = new Command("entries", "List log entries in order from --start (staff key)") { start, limit, kind, partner, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var query = Query(parse.GetValue(start), parse.GetValue(limit))
                + (parse.GetValue(kind) is { } k ? $"&kind={Uri.EscapeDataString(k)}" : "")
                + (parse.GetValue(partner) is { } p ? $"&partner={Uri.EscapeDataString(p)}" : "");
            var page = await api.GetAsync("log/entries" + query, ct);
            context.Show(parse.GetValue(json), page, r => Render(context.Screen, r));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Mine(CliContext context)
    {
        var (start, limit) = PageOptions();
        var json = Options.Json();
        var command = new Command("mine", "List the log entries about your organisation (partner key)") { start, limit, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var page = await api.GetAsync("me/log/entries" + Query(parse.GetValue(start), parse.GetValue(limit)), ct);
            context.Show(parse.GetValue(json), page, r => Render(context.Screen, r));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ReceiptCommand(CliContext context)
    {
        var index = Numbers.WholeArgument("index", "The entry's index in the log", min: 0);
        var output = new Option<FileInfo>("--out", "-o") { Description = "Write the receipt to this file (default: print it)", HelpName = "file" };
        var command = new Command("receipt", "Fetch an entry's receipt against the latest checkpoint (staff key, or a partner key for its own entries)") { index, output };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var i = parse.GetValue(index).ToString(CultureInfo.InvariantCulture);
            JsonNode? receipt;
            try
            {
                receipt = await api.GetAsync($"log/entries/{i}/receipt", ct);
            }
            catch (ProblemException e) when (e.Status == HttpStatusCode.Forbidden)
            {
                receipt = await api.GetAsync($"me/log/entries/{i}/receipt", ct); // a partner key: its own entries only
            }
            if (parse.GetValue(output) is not { } file)
            {
                context.Screen.Json(receipt);
                return ExitCodes.Success;
            }
            await ReceiptFile.WriteAsync(file.FullName, receipt, ct);
            context.Screen.Line($"Saved the receipt of entry {i} to ", file.FullName, ".");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (Option<long?> Start, Option<long?> Limit) PageOptions()
    {
        var start = Numbers.Whole("--start", "The first entry index to list (default 0)", min: 0, helpName: "index");
        var limit = Numbers.Whole("--limit", "At most this many entries (1 to 10000, default 1000)", min: 1, max: 10_000);
        return (start, limit);
    }

    private static string Query(long? start, long? limit) =>
        FormattableString.Invariant($"?start={start ?? 0}&limit={limit ?? 1000}");

    private static void Render(Screen screen, JsonNode page)
    {
        var entries = page.Items("entries").ToList();
        if (entries.Count == 0)
        {
            screen.Line("No log entries match.");
            return;
        }
        var table = Screen.Table("Index", "At", "Kind", "Partner", "Artifact");
        foreach (var e in entries)
            Screen.Row(table, e.Text("index"), JsonRead.FormatTime(e["entry"].Text("at")), e.Text("kind"), e.Text("partner_id"), e.Text("artifact_id"));
        screen.Write(table);
        if (page.Text("next_start") is { Length: > 0 } next) screen.Line($"More entries follow: --start {next}");
    }
}
