using System.Net;
using System.Text.RegularExpressions;

namespace Forewarn.Server.Tests.Portal.Administration;

/// <summary>A page's form as a browser would send it: inputs, text areas and selects (their chosen option), the token included.</summary>
internal static partial class AdminForms
{
    public static (string Name, string Value)[] FieldsOf(string html, params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(html))
        {
            var name = Regex.Match(input.Value, "name=\"([^\"]+)\"");
            var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
            if (name.Success && !input.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal))
                fields[name.Groups[1].Value] = WebUtility.HtmlDecode(value.Groups[1].Value);
        }
        foreach (Match area in TextArea().Matches(html))
            fields[area.Groups[1].Value] = WebUtility.HtmlDecode(area.Groups[2].Value).TrimStart('\r', '\n');
        foreach (Match select in Select().Matches(html))
        {
            var chosen = Regex.Match(select.Groups[2].Value, "<option[^>]*selected[^>]*value=\"([^\"]*)\"|<option[^>]*value=\"([^\"]*)\"[^>]*selected");
            var first = Regex.Match(select.Groups[2].Value, "<option[^>]*value=\"([^\"]*)\"");
            var value = chosen.Success ? chosen.Groups[1].Value + chosen.Groups[2].Value : first.Groups[1].Value;
            fields[select.Groups[1].Value] = WebUtility.HtmlDecode(value);
        }
        foreach (var (name, value) in changes) fields[name] = value;
        return [.. fields.Select(x => (x.Key, x.Value))];
    }

    /// <summary>The text of the element with <paramref name="id"/>, HTML-decoded.</summary>
    public static string Beside(string html, string id)
    {
        var m = Regex.Match(html, $"<[a-z]+[^>]*id=\"{Regex.Escape(id)}\"[^>]*>(.*?)</", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value).Trim() : "";
    }

    public static string TokenOf(string html) => WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
