using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Csaf.Validation;
using Forewarn.Domain.Common;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn csaf …</c>: validate CSAF 2.0 files offline, import one as a draft advisory,
/// export an advisory as CSAF.
/// </summary>
public static class CsafCommand
{
    public static Command Create(CliContext context) =>
        new("csaf", "CSAF 2.0 documents: validate files (offline), import one, export an advisory")
        {
            Validate(context),
            Import(context),
            Export(context),
        };

    private static Command Validate(CliContext context)
    {
        var json = Options.Json();
        var files = new Argument<string[]>("file") { Description = "CSAF 2.0 JSON files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate",
            "Check files against the CSAF 2.0 schema and the mandatory tests of section 6.1; exit 0 when all are valid, 1 otherwise")
        {
            files, json,
        };
        command.SetAction(parse =>
        {
            var results = new JsonArray();
            var allValid = true;
            foreach (var file in parse.GetValue(files)!)
            {
                var (valid, failures) = Check(file);
                allValid &= valid;
                results.Add(new JsonObject
                {
                    ["file"] = file,
                    ["valid"] = valid,
                    ["failures"] = new JsonArray([.. failures.Select(f => (JsonNode)new JsonObject
                    {
                        ["test"] = f.Test, ["pointer"] = f.Pointer, ["message"] = f.Message,
                    })]),
                });
                if (parse.GetValue(json)) continue;
                context.Screen.Line(valid ? $"{file}: valid" : $"{file}: invalid, {Counted.Of(failures.Count, "failure", "failures")}");
                if (failures.Count > 0)
                {
                    var table = Screen.Table("Test", "Where", "Failure");
                    foreach (var f in failures) Screen.Row(table, f.Test, f.Pointer.Length == 0 ? "/" : f.Pointer, f.Message);
                    context.Screen.Write(table);
                }
            }
            if (parse.GetValue(json)) context.Screen.Json(results);
            return allValid ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }

    private static (bool Valid, IReadOnlyList<CsafFailure> Failures) Check(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (false, [new CsafFailure("file", "", $"{file} cannot be read: {e.Message}")]);
        }
        var result = CsafValidator.Validate(text);
        return (result.IsValid, result.Failures);
    }

    private static Command Import(CliContext context)
    {
        var json = Options.Json();
        var file = new Argument<string>("file") { Description = "A CSAF 2.0 JSON file" };
        var reference = Options.Text("--reference", "Reference for the new advisory (default: from the document's tracking id)");
        var releaseAt = Options.Time("--release-at", "Coordinated release time (default: the document's current release date)");
        var command = new Command("import", "Import a CSAF 2.0 document as a draft advisory; lists what Forewarn does not hold")
        {
            file, reference, releaseAt, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var path = parse.GetValue(file)!;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"{path} cannot be read: {e.Message}");
            }
            var query = new List<string>();
            if (parse.GetValue(reference) is { Length: > 0 } r) query.Add("reference=" + Uri.EscapeDataString(r));
            if (parse.GetValue(releaseAt) is { } at) query.Add("releaseAt=" + Uri.EscapeDataString(Moment.ToWire(at)));
            JsonNode? result;
            try
            {
                result = await api.PostJsonTextAsync("csaf/import" + (query.Count > 0 ? "?" + string.Join('&', query) : ""), text, ct);
            }
            catch (ProblemException e) when (e.Status == HttpStatusCode.Conflict)
            {
                // The server names the clash; how to choose another reference is ours to say.
                throw new ProblemException(e.Status, e.Title, $"{e.Detail} Name it with --reference REFERENCE.", e.Type, e.Errors);
            }
            context.Show(parse.GetValue(json), result, r =>
            {
                var a = r["advisory"];
                context.Screen.Line($"Imported {path} as draft advisory {a.Text("reference")} ({a.Text("title")}).");
                var notHeld = r.Items("notHeld").Select(JsonRead.Plain).ToList();
                if (notHeld.Count > 0)
                {
                    context.Screen.Heading("Not held by Forewarn");
                    foreach (var line in notHeld) context.Screen.Line("- " + line);
                }
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Export(CliContext context)
    {
        var reference = Options.Id("advisory", "Advisory reference or id");
        var output = Options.Text("--out", "Write the document to this file instead of standard output");
        var command = new Command("export", "Export an advisory as a CSAF 2.0 csaf_security_advisory document") { reference, output };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var content = await api.GetContentAsync($"{AdvisoriesCommand.Path(parse.GetValue(reference)!)}/csaf", ct);
            if (parse.GetValue(output) is { Length: > 0 } path)
            {
                try
                {
                    await File.WriteAllBytesAsync(path, content.Bytes, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new InputException($"{path} cannot be written: {e.Message}");
                }
                context.Screen.Line($"Wrote {Counted.Of(content.Bytes.Length, "byte", "bytes")} to {path}.");
            }
            else
            {
                context.Out.Write(System.Text.Encoding.UTF8.GetString(content.Bytes));
                context.Out.WriteLine();
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
