using System.CommandLine;
using System.Globalization;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Transparency;
using Forewarn.Transparency.Notes;

namespace Forewarn.Cli.Commands.Log;

/// <summary>
/// <c>forewarn log proof inclusion|consistency</c>: fetches an RFC 9162 proof from the public API
/// (no key needed), to keep and check later with <c>log verify-proof</c>. The tree size defaults to
/// that of the latest checkpoint.
/// </summary>
public static class LogProofCommand
{
    public static Command Create(CliContext context)
    {
        var index = Numbers.WholeArgument("index", "The entry whose inclusion is proven", min: 0);
        var size = Numbers.Whole("--size", "The tree size (default: the latest checkpoint's)", min: 1);
        var inclusionOut = OutOption();
        var inclusion = new Command("inclusion", "Fetch the proof that an entry is in the tree of a given size") { index, size, inclusionOut };
        inclusion.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var n = parse.GetValue(size) ?? await LatestSizeAsync(api, ct);
            var proof = await api.GetAsync(Invariant($"../../log/v1/proof/inclusion?index={parse.GetValue(index)}&size={n}"), ct);
            return await WriteAsync(context, proof, parse.GetValue(inclusionOut), ct);
        }));

        var from = Numbers.WholeArgument("from", "The older tree size", min: 0);
        var to = Numbers.Whole("--to", "The newer tree size (default: the latest checkpoint's)", min: 1);
        var consistencyOut = OutOption();
        var consistency = new Command("consistency", "Fetch the proof that the tree of one size extends the tree of a smaller size") { from, to, consistencyOut };
        consistency.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var n = parse.GetValue(to) ?? await LatestSizeAsync(api, ct);
            var proof = await api.GetAsync(Invariant($"../../log/v1/proof/consistency?from={parse.GetValue(from)}&to={n}"), ct);
            return await WriteAsync(context, proof, parse.GetValue(consistencyOut), ct);
        }));

        return new Command("proof", "Fetch an inclusion or consistency proof from the public log API") { inclusion, consistency };
    }

    private static Option<FileInfo> OutOption() => new("--out", "-o") { Description = "Write the proof to this file (default: print it)", HelpName = "file" };

    private static async Task<int> WriteAsync(CliContext context, System.Text.Json.Nodes.JsonNode? proof, FileInfo? file, CancellationToken ct)
    {
        if (file is null)
        {
            context.Screen.Json(proof);
            return ExitCodes.Success;
        }
        await ReceiptFile.WriteAsync(file.FullName, proof, ct);
        context.Screen.Line("Saved the proof to ", file.FullName, ".");
        return ExitCodes.Success;
    }

    private static async Task<long> LatestSizeAsync(ApiClient api, CancellationToken ct)
    {
        var note = await api.GetTextAsync("../../log/v1/checkpoint", ct);
        try
        {
            return Checkpoint.Parse(SignedNote.Parse(note).Text).Size;
        }
        catch (FormatException e)
        {
            throw new InputException($"the server's latest checkpoint cannot be read: {e.Message}");
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
