using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
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
        var key = new Option<string[]>("--key")
        {
            Description = "The log's verifier key (name+keyid+base64) or a file holding its keys one a line — best obtained out of band. " +
                          "Repeat it for a log whose key was rotated: checkpoints signed by any of them verify",
            HelpName = "key-or-file",
        };
        var json = Options.Json();
        var command = new Command("verify", "Audit the whole log: recompute its tree from every entry and check every signed checkpoint (staff key)") { key, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var given = parse.GetValue(key) ?? [];
            var trusted = given.Length == 0;
            List<NoteKey> logKeys = [];
            foreach (var k in given) logKeys.AddRange(await LogInput.KeysAsync(k, ct));
            if (trusted)
            {
                logKeys = await PublishedKeysAsync(api, ct);
                context.Error.WriteLine($"warning: no --key given, so the keys the server publishes ({string.Join(", ", logKeys.Select(k => k.VerifierKey))}) are trusted; " +
                    "give --key with the keys you obtained out of band for an independent check.");
            }
            if (logKeys.Select(k => k.Name).Distinct().Count() > 1)
                throw new InputException($"the keys given name different logs ({string.Join(", ", logKeys.Select(k => k.Name).Distinct())}); give the keys of one log.");
            var latest = await api.GetTextAsync("../../log/v1/checkpoint", ct);
            var audit = new LogAudit(logKeys);
            var source = new LogSource(api, SizeOf(latest));
            var problem = await audit.RunAsync(source.EntriesAsync(ct), source.CheckpointsAsync(ct), ct);
            Report(context, parse.GetValue(json), audit, problem, trusted);
            return problem is null ? ExitCodes.Success : ExitCodes.NotVerified;
        }));
        return command;
    }

    /// <summary>The log's keys as the server publishes them: every key it signed with, current first (a server before rotations publishes one).</summary>
    private static async Task<List<NoteKey>> PublishedKeysAsync(ApiClient api, CancellationToken ct)
    {
        string published;
        try
        {
            published = await api.GetTextAsync("../../log/v1/keys", ct);
        }
        catch (ProblemException e) when ((int)e.Status == 404)
        {
            published = await api.GetTextAsync("../../log/v1/key", ct);
        }
        try
        {
            return [.. published.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NoteKey.FromVerifierKey)];
        }
        catch (FormatException e)
        {
            throw new InputException($"the server's published log key cannot be read: {e.Message}");
        }
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
                ["keys"] = new JsonArray([.. audit.Keys.Select(k => (JsonNode)k.VerifierKey)]),
                ["key_from_server"] = keyFromServer,
                ["problem"] = problem is null ? null : new JsonObject { ["index"] = problem.Index, ["sentence"] = problem.Sentence },
            });
            return;
        }
        var keys = audit.Keys.Count == 1
            ? $"the key {audit.Key.Name}+{Convert.ToHexStringLower(audit.Key.KeyId)}"
            : $"the {audit.Keys.Count} keys of {audit.Key.Name} ({string.Join(", ", audit.Keys.Select(k => Convert.ToHexStringLower(k.KeyId)))})";
        context.Screen.Line($"Checked {Counted.Of(audit.EntriesChecked, "entry", "entries")}, " +
            $"{Counted.Of(audit.CheckpointsChecked, "signed checkpoint", "signed checkpoints")} and " +
            $"{Counted.Of(audit.ConsistencyProofsChecked, "consistency proof", "consistency proofs")} against {keys}.");
        if (problem is null)
            context.Screen.Line("The log verifies: ", $"every entry is covered by a checkpoint signed by the log, up to size {audit.VerifiedSize}", ".");
        else
            context.Fail($"the log does not verify at index {problem.Index}: {problem.Sentence}");
    }
}
