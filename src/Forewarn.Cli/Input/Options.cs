using System.CommandLine;
using System.CommandLine.Parsing;

namespace Forewarn.Cli.Input;

/// <summary>Builders for the options many commands share, so they read and validate the same way.</summary>
public static class Options
{
    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the server's JSON (indented) instead of a table, for scripts",
    };

    public static Option<string> Text(string name, string description, bool required = false) => new(name)
    {
        Description = description,
        Required = required,
    };

    /// <summary>A repeatable option; values may also be comma-separated (--cve A,B) or follow one flag (--cve A B).</summary>
    public static Option<string[]> List(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
        CustomParser = SplitList,
    };

    public static Option<DateTimeOffset?> Time(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (ISO 8601, UTC unless an offset is given)",
        Required = required,
        HelpName = "time",
        CustomParser = ParseTime,
    };

    /// <summary>A closed vocabulary checked locally, so a typo is a usage error rather than a server round trip.</summary>
    public static Option<string> Choice(string name, string description, IReadOnlyList<string> choices, bool required = false)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            Required = required,
            HelpName = string.Join('|', choices),
        };
        option.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. choices]);
        return option;
    }

    public static Argument<string> Id(string name, string description) => new(name) { Description = description };

    /// <summary>
    /// Checks locally that every value is an id (a GUID): ids sent in a request body would otherwise come
    /// back as the server's complaint about malformed JSON, which the user never wrote.
    /// </summary>
    public static T Ids<T>(this T option, string what) where T : Option
    {
        option.Validators.Add(result =>
        {
            var values = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            foreach (var value in values.Where(v => !Guid.TryParse(v, out _)))
                result.AddError($"'{value}' is not {what} id for {option.Name}; ids look like 0198c0de-5a1e-7b2c-9d3e-4f5a6b7c8d9e.");
        });
        return option;
    }

    /// <summary>Fails parsing unless exactly one (or at most one) of the options was given.</summary>
    public static void OneOf(Command command, bool required, params Option[] options)
    {
        command.Validators.Add(result =>
        {
            var given = options.Where(o => result.GetResult(o) is { Implicit: false }).ToList();
            var names = string.Join(" or ", options.Select(o => o.Name));
            if (given.Count > 1)
                result.AddError($"Give only one of {names}.");
            else if (required && given.Count == 0)
                result.AddError($"Give one of {names}.");
        });
    }

    private static string[] SplitList(ArgumentResult result) =>
        [.. result.Tokens
            .SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(v => v.Length > 0)];

    private static DateTimeOffset? ParseTime(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (Moment.TryParse(token, out var value)) return value;
        result.AddError($"'{token}' is not a time for {OptionName(result)}; {Moment.Hint}.");
        return null;
    }

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult o ? o.Option.Name : result.Argument.Name;
}
