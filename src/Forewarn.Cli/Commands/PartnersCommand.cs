using System.CommandLine;
using System.Text.Json.Nodes;
using Forewarn.Cli.Api;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Partners;

namespace Forewarn.Cli.Commands;

/// <summary><c>forewarn partners …</c>: the membership roster and its life cycle.</summary>
public static class PartnersCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("partners", "Manage partner organisations: roster, tiers and membership status (staff key)");
        command.Add(List(context));
        command.Add(Show(context));
        command.Add(Add(context));
        command.Add(PartnerUpdate.Create(context));
        command.Add(SetTier(context));
        command.Add(StatusChange(context, "suspend", PartnerStatus.Suspended, "Suspend a partner: it receives nothing until reinstated"));
        command.Add(StatusChange(context, "reinstate", PartnerStatus.Active, "Reinstate a partner (back to active)"));
        command.Add(StatusChange(context, "probation", PartnerStatus.Probation, "Put a partner on probation"));
        command.Add(StatusChange(context, "remove", PartnerStatus.Removed, "Remove a partner from the program (final)"));
        command.Add(NetworksCommand.For(context, "partners", "Partner id",
            "Show, set (--set CIDR…) or clear (--clear) the networks every key of a partner may be used from"));
        command.Add(SuspicionCommands.OfPartner(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var json = Options.Json();
        var command = new Command("list", "List all partners") { json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var partners = await api.GetAsync("partners", ct);
            context.Show(parse.GetValue(json), partners, list =>
            {
                var items = JsonRead.Items(list).ToList();
                if (items.Count == 0)
                {
                    context.Screen.Line("No partners yet.");
                    return;
                }
                var table = Screen.Table("Id", "Legal name", "HQ", "Jurisdictions", "Category", "Tier", "Status", "NDA expires");
                foreach (var p in items)
                    Screen.Row(table, p.Text("id"), p.Text("legalName"), p.Text("headquartersCountry"), p.Text("jurisdictions"),
                        p.Text("category"), p.Text("tier"), p.Text("status"), p["contract"].Time("expiresAt"));
                context.Screen.Write(table);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Partner id");
        var command = new Command("show", "Show one partner with its contract and status history") { id, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var partner = await api.GetAsync($"partners/{ApiClient.Segment(parse.GetValue(id)!)}", ct);
            context.Show(parse.GetValue(json), partner, p => Render(context.Screen, p));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var json = Options.Json();
        var name = Options.Text("--name", "Legal name of the organisation", required: true);
        var country = Options.Text("--country", "Headquarters country (ISO 3166-1 alpha-2, e.g. DE)", required: true);
        var category = Options.Choice("--category", "What kind of organisation it is",
            [.. Enum.GetValues<PartnerCategory>().Select(c => c.Name())], required: true);
        var tier = Options.Text("--tier", "Tier name (see 'forewarn tiers list')", required: true);
        var ndaVersion = Options.Text("--nda-version", "Version of the NDA the partner signed", required: true);
        var signedAt = Options.Time("--signed-at", "When the contract was signed", required: true);
        var expiresAt = Options.Time("--expires-at", "When the contract expires", required: true);
        var jurisdictions = Options.List("--jurisdiction", "A jurisdiction whose law applies to the partner (repeatable)");
        var restrictions = Options.List("--restrict", $"A content class withheld from this partner ({ClassNames}; repeatable)");
        var command = new Command("add", "Add a partner (it starts as an applicant)")
        {
            name, country, category, tier, ndaVersion, signedAt, expiresAt, jurisdictions, restrictions, json,
        };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var body = new JsonObject
            {
                ["legalName"] = parse.GetValue(name),
                ["headquartersCountry"] = parse.GetValue(country)!.Trim().ToUpperInvariant(),
                ["jurisdictions"] = Body.Strings(parse.GetValue(jurisdictions)),
                ["category"] = parse.GetValue(category)!.ToLowerInvariant(),
                ["tier"] = parse.GetValue(tier),
                ["contract"] = new JsonObject
                {
                    ["ndaVersion"] = parse.GetValue(ndaVersion),
                    ["signedAt"] = Moment.ToWire(parse.GetValue(signedAt)!.Value),
                    ["expiresAt"] = Moment.ToWire(parse.GetValue(expiresAt)!.Value),
                },
                ["restrictions"] = Body.Strings(parse.GetValue(restrictions)),
            };
            var partner = await api.PostAsync("partners", body, ct);
            context.Show(parse.GetValue(json), partner, p =>
            {
                context.Screen.Line("Added partner ", p.Text("legalName"), $" ({p.Text("id")}).");
                Render(context.Screen, p);
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command SetTier(CliContext context)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Partner id");
        var tier = Options.Id("tier", "New tier name (see 'forewarn tiers list')");
        var command = new Command("set-tier", "Move a partner to another tier") { id, tier, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var partner = await api.PutAsync($"partners/{ApiClient.Segment(parse.GetValue(id)!)}/tier",
                new JsonObject { ["tier"] = parse.GetValue(tier) }, ct);
            context.Show(parse.GetValue(json), partner, p =>
                context.Screen.Line($"{p.Text("legalName")} is now in tier ", p.Text("tier"), "."));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command StatusChange(CliContext context, string verb, PartnerStatus to, string description)
    {
        var json = Options.Json();
        var id = Options.Id("id", "Partner id");
        var reason = Options.Text("--reason", "Why (kept in the partner's history and the audit log)", required: true);
        var command = new Command(verb, description) { id, reason, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var answer = await api.PostOrProposeAsync($"partners/{ApiClient.Segment(parse.GetValue(id)!)}/status",
                new JsonObject { ["status"] = to.Name(), ["reason"] = parse.GetValue(reason) }, ct);
            Proposed.Show(context, parse.GetValue(json), answer, p =>
                context.Screen.Line($"{p.Text("legalName")} is now ", p.Text("status"), "."));
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static void Render(Screen screen, JsonNode p)
    {
        var contract = p["contract"];
        screen.Write(Screen.Details(
            ("Id", p.Text("id")),
            ("Legal name", p.Text("legalName")),
            ("Headquarters", p.Text("headquartersCountry")),
            ("Jurisdictions", p.Text("jurisdictions")),
            ("Category", p.Text("category")),
            ("Tier", p.Text("tier")),
            ("Status", p.Text("status")),
            ("NDA version", contract.Text("ndaVersion")),
            ("Signed", contract.Time("signedAt")),
            ("Expires", contract.Time("expiresAt")),
            ("Restrictions", p.Text("restrictions") is { Length: > 0 } r ? $"withheld: {r}" : "none"),
            ("Created", p.Time("createdAt"))));
        Proposed.Pending(screen, p);

        var history = p.Items("history").ToList();
        if (history.Count == 0) return;
        screen.Heading("History");
        var table = Screen.Table("At", "Change", "Reason", "By");
        foreach (var h in history)
        {
            // The first step has no "from": the partner joined the programme.
            var change = h.Text("from") is { Length: > 0 } from ? $"{from} → {h.Text("to")}" : $"joined as {h.Text("to")}";
            Screen.Row(table, h.Time("at"), change, h.Text("reason"), h.Text("actor"));
        }
        screen.Write(table);
    }

    private static string ClassNames => string.Join(", ", ContentClasses.All.Select(c => c.Name()));
}
