using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Forewarn.Server.CaseReports;

/// <summary>
/// Writes HTML where every piece of text and every attribute value goes through the HTML encoder; only
/// <see cref="Trusted"/> takes markup as it is, for what a serializer already escaped (the SVG, the JSON data block).
/// </summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();
    // All of Unicode as it is (names, dashes); markup characters and quotes are still always escaped.
    private readonly HtmlEncoder _encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
            if (value is not null) _html.Append(' ').Append(name).Append("=\"").Append(_encoder.Encode(value)).Append('"');
        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        _html.Append(_encoder.Encode(text ?? ""));
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes) => Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A table row of text cells.</summary>
    public HtmlWriter Row(params string?[] cells)
    {
        Open("tr");
        foreach (var cell in cells) Element("td", cell);
        return Close("tr");
    }

    public HtmlWriter Header(params string[] cells)
    {
        Open("thead").Open("tr");
        foreach (var cell in cells) Element("th", cell, ("scope", "col"));
        return Close("tr").Close("thead");
    }

    /// <summary>Markup produced by a serializer that escaped it already (XLinq for the SVG, System.Text.Json for the data block).</summary>
    public HtmlWriter Trusted(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public override string ToString() => _html.ToString();
}
