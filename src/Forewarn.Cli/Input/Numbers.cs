using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Forewarn.Cli.Input;

/// <summary>
/// Numbers on the command line, parsed and range-checked in one place so a word or a value out of
/// range is a one-line usage error that names the range — never the parser's .NET type names or a
/// crash in a validator that read a value that did not parse.
/// </summary>
public static class Numbers
{
    /// <summary>A whole-number option within [min, max].</summary>
    public static Option<long?> Whole(string name, string description, long min, long max = long.MaxValue, string helpName = "n") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = r => ParseWhole(r, name, min, max),
    };

    /// <summary>A whole-number argument within [min, max]; <paramref name="subject"/> names it in errors (default: its name).</summary>
    public static Argument<long> WholeArgument(string name, string description, long min, long max = long.MaxValue, string? subject = null) => new(name)
    {
        Description = description,
        CustomParser = r => ParseWhole(r, subject ?? name, min, max) ?? 0,
    };

    /// <summary>A fraction strictly between 0 and 1 (a probability bound such as ε).</summary>
    public static Option<double?> Fraction(string name, string description, string example, string helpName = "e") => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = r =>
        {
            var token = Token(r);
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value < 1)
                return value;
            r.AddError($"{name} must lie strictly between 0 and 1 (for example {example}), not {token}.");
            return null;
        },
    };

    private static long? ParseWhole(ArgumentResult result, string name, long min, long max)
    {
        var token = Token(result);
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"'{token}' is not a whole number for {name}.");
            return null;
        }
        if (value >= min && value <= max) return value;
        result.AddError(max == long.MaxValue
            ? $"{name} must be {min} or more, not {value}."
            : $"{name} must be between {min} and {max}, not {value}.");
        return null;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
}
