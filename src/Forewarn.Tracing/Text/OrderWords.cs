using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Text;

/// <summary>Words that make the order of items part of what a list says: sequence, references to neighbours, numbering.</summary>
internal static partial class OrderWords
{
    /// <summary>Whether the sentence around an inline list speaks of order or refers to positions (then its items stay where they are).</summary>
    public static bool SentenceOrdered(string sentence) => Sequence().IsMatch(sentence) || Reference().IsMatch(sentence);

    public static bool HasNumber(string item) => Number().IsMatch(item);

    /// <summary>Whether a bullet item speaks of sequence or points at another item ("then", "first", "above", "the previous"), or starts with a number.</summary>
    public static bool ItemOrdered(string item) => Sequence().IsMatch(item) || Reference().IsMatch(item) || LeadingNumber().IsMatch(item);

    [GeneratedRegex(@"\b(?:first|firstly|second|secondly|third|then|next|finally|lastly|last|afterwards?|subsequently|respectively|step|steps|order|earlier|later)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sequence();

    [GeneratedRegex(@"\b(?:previous|preceding|above|below|former|latter|the following|the same|this one|that one|as well)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\d")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*\d")]
    private static partial Regex LeadingNumber();
}
