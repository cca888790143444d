using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Forewarn.Cli;

namespace Forewarn.Server.Tests.Cli;

/// <summary>
/// The docs cannot drift from the command line: every <c>forewarn …</c> example in the README and
/// docs/ parses without errors, and the tiers and advisories it names are the demo's (or made by
/// another example).
/// </summary>
public sealed partial class DocumentedExamplesTests(CliServer server) : IClassFixture<CliServer>
{
    private static readonly IReadOnlyList<DocumentedExample> Examples = DocumentedExamples.All();

    [Fact]
    public void The_docs_hold_the_examples_this_test_reads()
    {
        // Guards the reader itself: if it stopped finding commands, the checks below would pass on nothing.
        Assert.True(Examples.Count >= 40, $"Only {Examples.Count} examples found.");
        Assert.Contains(Examples, e => e.File == "README.md" && e.Args is ["trace", "fragment.py"]);
        Assert.Contains(Examples, e => e.File == "README.md" && e.Args is ["me", "advisories"]);
        Assert.Contains(Examples, e => e.File.EndsWith("cli.md", StringComparison.Ordinal) && e.Args is ["partners", "add", ..]);
        Assert.Contains(Examples, e => e.File.EndsWith("transparency.md", StringComparison.Ordinal) && e.Args is ["log", "verify", "--key", "log.key"]);
    }

    [Fact]
    public void Every_documented_command_parses()
    {
        var failures = new List<string>();
        foreach (var example in Examples)
        {
            var context = new CliContext(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>(), handler: null);
            var parse = CliApp.BuildRoot(context).Parse([.. example.Args]);
            if (parse.Errors.Count > 0)
                failures.Add($"{example}\n    {string.Join("\n    ", parse.Errors.Select(e => e.Message))}");
        }
        Assert.True(failures.Count == 0, "Documented commands the CLI refuses:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Documented_tiers_are_the_demo_programmes_tiers()
    {
        using var staff = server.Staff();
        var tiers = JsonNode.Parse(await staff.GetStringAsync("/api/v1/tiers"))!.AsArray().Select(t => (string)t!["name"]!).ToHashSet();

        var used = Examples.SelectMany(e => Tiers(e.Args).Select(t => (Example: e, Tier: t))).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(tiers.Contains(u.Tier), $"{u.Example} names tier '{u.Tier}'; the demo's are {string.Join(", ", tiers)}."));
    }

    [Fact]
    public async Task Documented_advisories_are_the_demo_programmes_or_made_by_an_example()
    {
        using var staff = server.Staff();
        // The demo's embargoed advisory is named after the day the demo was loaded, so the docs can
        // only rely on its released ones.
        var known = JsonNode.Parse(await staff.GetStringAsync("/api/v1/advisories"))!.AsArray()
            .Where(a => (string?)a!["state"] == "released")
            .Select(a => (string)a!["reference"]!).ToHashSet(StringComparer.Ordinal);
        foreach (var example in Examples.Where(e => e.Args is ["advisories", "create", ..]))
            known.UnionWith(After(example.Args, "--reference"));

        var named = Examples.SelectMany(e => References(e.Args).Select(r => (Example: e, Reference: r))).ToList();
        Assert.Contains(named, n => n.Reference == "FW-2025-0708");
        Assert.All(named, n => Assert.True(known.Contains(n.Reference),
            $"{n.Example} names {n.Reference}, which is neither a released demo advisory nor made by an example (the docs may name {string.Join(", ", known)})."));
    }

    private static IEnumerable<string> Tiers(IReadOnlyList<string> args) =>
        args is ["partners", "set-tier", _, var tier, ..] ? [tier] : After(args, "--tier");

    private static IEnumerable<string> After(IReadOnlyList<string> args, string option) =>
        args.Zip(args.Skip(1)).Where(p => p.First == option).Select(p => p.Second);

    /// <summary>Advisory references in positions that name one (not inside a --reason or --note sentence).</summary>
    private static IEnumerable<string> References(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i] is "--reason" or "--note" or "--change" or "--title" or "--reference")
            {
                i++;
                continue;
            }
            if (Reference().Match(args[i]) is { Success: true } m) yield return m.Value;
        }
    }

    [GeneratedRegex(@"^FW-\d{4}-\d{4}")]
    private static partial Regex Reference();
}
