using System.CommandLine;
using Forewarn.Cli.Input;
using Forewarn.Cli.Output;
using Forewarn.Domain.Common;

namespace Forewarn.Cli.Commands;

/// <summary>
/// <c>forewarn signals [--partner] [--advisory] [--since]</c>: what is worth a look — a key used
/// from a new network or country, a PoC fetched by a brand-new key right after its wave, a day far above a
/// partner's habit — each with the log entries behind it. Evidence for a person, not a verdict.
/// </summary>
public static class SignalsCommand
{
    public static Command Create(CliContext context)
    {
        var json = Options.Json();
        var partner = Options.Text("--partner", "Only this partner's signals (id)");
        var advisory = Options.Text("--advisory", "Only signals about this advisory's content (reference or id)");
        var since = Options.Time("--since", "Only signals from this moment on");
        var command = new Command("signals", "Signals of misuse worth a look, each with its log entries (staff key)") { partner, advisory, since, json };
        command.SetAction((parse, ct) => context.RunAsync(parse, ct, async (api, ct) =>
        {
            var query = new List<string>();
            if (parse.GetValue(partner) is { } p) query.Add("partner=" + Uri.EscapeDataString(p));
            if (parse.GetValue(advisory) is { } a) query.Add("advisory=" + Uri.EscapeDataString(a));
            if (parse.GetValue(since) is { } s) query.Add("since=" + Uri.EscapeDataString(Moment.ToWire(s)));
            var report = await api.GetAsync("signals" + (query.Count == 0 ? "" : "?" + string.Join("&", query)), ct);
            context.Show(parse.GetValue(json), report, r =>
            {
                var items = r.Items("signals").ToList();
                // Said every time it is so: a missing country signal must not read as "no key changed country".
                var countriesOff = r["countries"] is { } countries && countries["on"]?.GetValue<bool>() == false ? countries.Text("note") : null;
                if (items.Count == 0)
                {
                    context.Screen.Line("No signals.");
                    if (countriesOff is not null) context.Screen.Line(countriesOff);
                    return;
                }
                var table = Screen.Table("At", "Signal", "Partner", "Key", "Advisory", "What", "Log entries");
                foreach (var x in items)
                {
                    var entries = x.Items("entries").Select(e => e?.ToString() ?? "").ToList();
                    var shown = entries.Count <= 8 ? string.Join(", ", entries) : $"{string.Join(", ", entries.Take(8))} … ({entries.Count})";
                    Screen.Row(table, x.Time("at"), x.Text("kind"), x.Text("partner"), x.Text("keyPrefix"), x.Text("advisory"), x.Text("summary"), shown);
                }
                context.Screen.Write(table);
                context.Screen.Line(Counted.Of(items.Count, "signal", "signals") + "; each is a reason to look, not a finding.");
                if (countriesOff is not null) context.Screen.Line(countriesOff);
            });
            return ExitCodes.Success;
        }));
        return command;
    }
}
