using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn partners update</c>: change a partner's details; only what is given changes.</summary>
public static class PartnerUpdate
{
    /// <summary>Given as the only value of a list option, clears the list.</summary>
    public const string None = "none";

    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Partner id");
        var name = Options.Text("--name", "New legal name");
        var country = Options.Text("--country", "New headquarters country (ISO 3166-1 alpha-2, e.g. DE)");
        var category = Options.Choice("--category", "What kind of organisation it is",
            [.. Enum.GetValues<PartnerCategory>().Select(c => c.Name())]);
        var jurisdictions = Options.List("--jurisdiction", $"Jurisdiction whose law applies; replaces the list (repeatable; '{None}' clears it)");
        var restrictions = Options.List("--restrict",
            $"Content class withheld from this partner ({string.Join(", ", ContentClasses.All.Select(c => c.Name()))}); replaces the list (repeatable; '{None}' clears it)");
        var ndaVersion = Options.Text("--nda-version", "Version of the NDA signed (the contract's other fields are kept unless given)");
        var signedAt = Options.Time("--signed-at", "When the contract was signed");
        var expiresAt = Options.Time("--expires-at", "When the contract expires");
        var command = new Command("update", "Change a partner's name, country, category, jurisdictions, restrictions or contract; only what you give changes")
        {
            id, name, country, category, jurisdictions, restrictions, ndaVersion, signedAt, expiresAt, json,
        };
        Option[] changes = [name, country, category, jurisdictions, restrictions, ndaVersion, signedAt, expiresAt];
        command.Validators.Add(result =>
        {
            if (!changes.Any(o => result.GetResult(o) is { Implicit: false }))
                result.AddError($"Give at least one change: {string.Join(", ", changes.Select(o => o.Name))}.");
        });
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var path = $"partners/{ApiClient.Segment(parse.GetValue(id)!)}";
            var body = new JsonObject();
            if (parse.GetValue(name) is { } n) body["legalName"] = n;
            if (parse.GetValue(country) is { } c) body["headquartersCountry"] = c.Trim().ToUpperInvariant();
            if (parse.GetValue(category) is { } cat) body["category"] = cat.ToLowerInvariant();
            if (parse.GetValue(jurisdictions) is { } j) body["jurisdictions"] = Body.Strings(ListOrNone(j, "--jurisdiction"));
            if (parse.GetValue(restrictions) is { } r) body["restrictions"] = Body.Strings(ListOrNone(r, "--restrict"));

            DateTimeOffset? signed = parse.GetValue(signedAt), expires = parse.GetValue(expiresAt);
            var version = parse.GetValue(ndaVersion);
            if (version is not null || signed is not null || expires is not null)
            {
                // The server replaces the contract whole; keep what was not given from the partner as it is.
                var current = (await api.GetAsync(path, ct))?["contract"];
                body["contract"] = new JsonObject
                {
                    ["ndaVersion"] = version ?? current.Text("ndaVersion"),
                    ["signedAt"] = signed is { } s ? Moment.ToWire(s) : current?["signedAt"]?.DeepClone(),
                    ["expiresAt"] = expires is { } e ? Moment.ToWire(e) : current?["expiresAt"]?.DeepClone(),
                };
            }

            var partner = await api.PatchAsync(path, body, ct);
            context.Show(parse.GetValue(json), partner, p =>
            {
                context.Screen.Line("Updated partner ", p.Text("legalName"), $" ({p.Text("id")}).");
                PartnersCommand.Render(context.Screen, p);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string[] ListOrNone(string[] values, string option)
    {
        if (!values.Any(v => string.Equals(v, None, StringComparison.OrdinalIgnoreCase))) return values;
        if (values.Length > 1) throw new InputException($"{option} {None} clears the list; give it alone.");
        return [];
    }
}
