using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Transparency;

namespace Forewarn.Cli.Commands.Log;

/// <summary>
/// <c>forewarn log verify-receipt</c> and <c>verify-proof</c>: checks of what the log handed out,
/// with nothing but the files and the log's key — no server, no API key. Exit 0 when the check
/// holds, 3 when it does not, 1 when the files or the key cannot be read.
/// </summary>
public static class LogOfflineChecks
{
    public static Command VerifyReceipt(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The receipt (JSON; '-' reads standard input), e.g. the .receipt.json 'me fetch' saves" };
        var key = KeyOption(required: true);
        var json = Options.Json();
        var command = new Command("verify-receipt", "Check a receipt offline: its entry is in the log under the signed checkpoint it carries") { file, key, json };
        command.SetAction((parse, ct) => context.RunOfflineAsync(ct, async ct =>
        {
            var path = parse.GetValue(file)!;
            var logKey = await LogInput.KeyAsync(parse.GetValue(key)!, ct);
            Receipt receipt;
            try
            {
                receipt = Receipt.Parse(await LogInput.FileAsync(path, ct));
            }
            catch (FormatException e)
            {
                throw new InputException($"{LogInput.Name(path)} is not a log receipt: {e.Message}");
            }
            var verdict = LogVerifier.Receipt(receipt, logKey);
            return Report(context, parse.GetValue(json), verdict, new JsonObject { ["index"] = receipt.Index, ["size"] = receipt.Inclusion.Size });
        }));
        return command;
    }

    /// <summary>
    /// Checks every log entry a case report (<c>cases report</c>) embeds: its leaf hash, its inclusion proof to
    /// the checkpoint's root, the checkpoint's signature by the given key. Names the first entry that fails.
    /// </summary>
    public static Command VerifyReport(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The case report (HTML, as 'cases report' writes it; '-' reads standard input)" };
        var key = KeyOption(required: true);
        var json = Options.Json();
        var command = new Command("verify-report", "Check a case report offline: every log entry it cites is in the log under the signed checkpoint it carries") { file, key, json };
        command.SetAction((parse, ct) => context.RunOfflineAsync(ct, async ct =>
        {
            var path = parse.GetValue(file)!;
            var logKey = await LogInput.KeyAsync(parse.GetValue(key)!, ct);
            ReportEvidence evidence;
            try
            {
                evidence = ReportEvidence.FromHtml(await LogInput.FileAsync(path, ct));
            }
            catch (FormatException e)
            {
                throw new InputException($"{LogInput.Name(path)} is not a verifiable case report: {e.Message}");
            }
            var verdict = evidence.Verify(logKey);
            return Report(context, parse.GetValue(json), verdict, new JsonObject { ["case"] = evidence.Case, ["entries"] = evidence.Entries.Count });
        }));
        return command;
    }

    public static Command VerifyProof(CliContext context)
    {
        var file = new Argument<string>("proof") { Description = "An inclusion proof ({\"index\",\"size\",…}) or consistency proof ({\"from\",\"to\",…}) as /log/v1 gives it" };
        var checkpoint = new Option<string>("--checkpoint") { Description = "The signed checkpoint the proof leads to (the newer one for a consistency proof)", HelpName = "file", Required = true };
        var older = new Option<string>("--old-checkpoint") { Description = "For a consistency proof: the older signed checkpoint", HelpName = "file" };
        var key = KeyOption(required: true);
        var json = Options.Json();
        var command = new Command("verify-proof", "Check an inclusion or consistency proof offline against signed checkpoints") { file, checkpoint, older, key, json };
        command.SetAction((parse, ct) => context.RunOfflineAsync(ct, async ct =>
        {
            var path = parse.GetValue(file)!;
            var proof = await LogInput.JsonAsync(path, ct);
            var logKey = await LogInput.KeyAsync(parse.GetValue(key)!, ct);
            var newer = await LogInput.CheckpointAsync(parse.GetValue(checkpoint)!, ct);
            try
            {
                if (proof is JsonObject o && o.ContainsKey("from"))
                {
                    var olderPath = parse.GetValue(older) ?? throw new InputException("a consistency proof is checked between two checkpoints: give --old-checkpoint FILE too.");
                    var consistency = ConsistencyProof.Parse(proof);
                    var verdict = LogVerifier.Consistency(consistency, await LogInput.CheckpointAsync(olderPath, ct), newer, logKey);
                    return Report(context, parse.GetValue(json), verdict, new JsonObject { ["from"] = consistency.From, ["to"] = consistency.To });
                }
                var inclusion = InclusionProof.Parse(proof);
                return Report(context, parse.GetValue(json), LogVerifier.Inclusion(inclusion, newer, logKey),
                    new JsonObject { ["index"] = inclusion.Index, ["size"] = inclusion.Size });
            }
            catch (FormatException e)
            {
                throw new InputException($"{LogInput.Name(path)} is not a log proof: {e.Message}");
            }
        }));
        return command;
    }

    public static Option<string> KeyOption(bool required) => new("--key")
    {
        Description = "The log's verifier key (name+keyid+base64), or a file holding it — best obtained out of band, not from the server checked",
        HelpName = "key-or-file",
        Required = required,
    };

    /// <summary>Prints the verdict (a sentence, or JSON for scripts) and gives its exit code.</summary>
    private static int Report(CliContext context, bool json, Verdict verdict, JsonObject facts)
    {
        if (json)
        {
            facts["verified"] = verdict.Holds;
            facts["sentence"] = verdict.Sentence;
            context.Screen.Json(facts);
        }
        else if (verdict.Holds)
        {
            context.Screen.Line(verdict.Sentence);
        }
        if (verdict.Holds) return ExitCodes.Success;
        if (!json) context.Fail($"does not verify: {verdict.Sentence}");
        return ExitCodes.NotVerified;
    }
}
