using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Input;
using Forewarn.Domain.Common;
using Forewarn.Transparency;
using Forewarn.Transparency.Notes;

namespace Forewarn.Cli.Commands.Log;

/// <summary>
/// <c>forewarn log verify</c> (staff key): reads every entry, stored leaf hash and checkpoint from
/// the server and recomputes the tree (<see cref="LogAudit"/>). Exit 0 when the log verifies, 3 with
/// the first bad index and a sentence when it does not, 1 when it cannot be read.
/// </summary>
public static class LogVerifyCommand
{
    public static Command Create(CliContext context)
    {
        var key = LogOfflineChecks.KeyOption(required: false);
        var json = Options.Json();
        var command = new Command("verify", "Audit the whole log: recompute its tree from every entry and check every signed checkpoint (staff key)") { key, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            NoteKey logKey;
            var trusted = parse.GetValue(key) is null;
            if (parse.GetValue(key) is { } given)
            {
                logKey = await LogInput.KeyAsync(given, ct);
            }
            else
            {
                var published = (await api.GetTextAsync("../../log/v1/key", ct)).Trim();
                try
                {
                    logKey = NoteKey.FromVerifierKey(published);
                }
                catch (FormatException e)
                {
                    throw new InputException($"the server's published log key cannot be read: {e.Message}");
                }
                context.Error.WriteLine($"warning: no --key given, so the key the server publishes ({logKey.VerifierKey}) is trusted; " +
                    "give --key with the key you obtained out of band for an independent check.");
            }
            var latest = await api.GetTextAsync("../../log/v1/checkpoint", ct);
            var audit = new LogAudit(logKey);
            var source = new LogSource(api, SizeOf(latest));
            var problem = await audit.RunAsync(source.EntriesAsync(ct), source.CheckpointsAsync(ct), ct);
            Report(context, parse.GetValue(json), audit, problem, trusted);
            return problem is null ? ExitCodes.Success : ExitCodes.NotVerified;
        }));
        return command;
    }

    /// <summary>The size the latest checkpoint claims (signature unchecked here: the audit checks every checkpoint).</summary>
    private static long SizeOf(string note)
    {
        try
        {
            return Checkpoint.Parse(SignedNote.Parse(note).Text).Size;
        }
        catch (FormatException)
        {
            return long.MaxValue; // The audit will name what is wrong with it.
        }
    }

    private static void Report(CliContext context, bool json, LogAudit audit, AuditProblem? problem, bool keyFromServer)
    {
        if (json)
        {
            context.Screen.Json(new JsonObject
            {
                ["verified"] = problem is null,
                ["entries"] = audit.EntriesChecked,
                ["checkpoints"] = audit.CheckpointsChecked,
                ["consistency_proofs"] = audit.ConsistencyProofsChecked,
                ["verified_size"] = audit.VerifiedSize,
                ["key"] = audit.Key.VerifierKey,
                ["key_from_server"] = keyFromServer,
                ["problem"] = problem is null ? null : new JsonObject { ["index"] = problem.Index, ["sentence"] = problem.Sentence },
            });
            return;
        }
        context.Screen.Line($"Checked {Counted.Of(audit.EntriesChecked, "entry", "entries")}, " +
            $"{Counted.Of(audit.CheckpointsChecked, "signed checkpoint", "signed checkpoints")} and " +
            $"{Counted.Of(audit.ConsistencyProofsChecked, "consistency proof", "consistency proofs")} against the key {audit.Key.Name}+{Convert.ToHexStringLower(audit.Key.KeyId)}.");
        if (problem is null)
            context.Screen.Line("The log verifies: ", $"every entry is covered by a checkpoint signed by the log, up to size {audit.VerifiedSize}", ".");
        else
            context.Fail($"the log does not verify at index {problem.Index}: {problem.Sentence}");
    }
}
