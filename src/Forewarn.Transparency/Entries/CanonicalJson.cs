using System.Globalization;
using System.Text.Json;
using System.Text;

namespace Forewarn.Transparency.Entries;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): no whitespace, object members sorted by their
/// names' UTF-16 code units, strings with only the escapes JSON requires (", \, control
/// characters; \b \t \n \f \r in short form, others as \u00xx), numbers as ECMAScript's
/// Number.prototype.toString writes them. The same value always gives the same bytes, so a log
/// entry's hash does not depend on who wrote the JSON.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical form of a JSON text. Throws <see cref="FormatException"/> for duplicate names or numbers JSON cannot hold.</summary>
    public static string Canonicalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Canonicalize(document.RootElement);
    }

    public static string Canonicalize(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    public static byte[] Utf8(JsonElement value) => Encoding.UTF8.GetBytes(Canonicalize(value));

    private static void Write(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = value.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                for (var i = 1; i < members.Count; i++)
                    if (members[i].Name == members[i - 1].Name) throw new FormatException($"The name '{members[i].Name}' appears twice in one object.");
                builder.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0) builder.Append(',');
                    WriteString(builder, members[i].Name);
                    builder.Append(':');
                    Write(builder, members[i].Value);
                }
                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first) builder.Append(',');
                    first = false;
                    Write(builder, item);
                }
                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, value.GetString()!);
                break;
            case JsonValueKind.Number:
                builder.Append(Number(value.GetDouble()));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\t': builder.Append("\\t"); break;
                case '\n': builder.Append("\\n"); break;
                case '\f': builder.Append("\\f"); break;
                case '\r': builder.Append("\\r"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }
        builder.Append('"');
    }

    /// <summary>A number as ECMAScript writes it (ECMA-262, Number::toString): the shortest digits that read back exactly.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) throw new FormatException("JSON holds no NaN or infinity.");
        if (value == 0) return "0";
        var negative = value < 0;
        // "R" gives the shortest digits that read back exactly, plain or as d.dddE±x.
        var (digits, n) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var k = digits.Length;
        string text;
        if (k <= n && n <= 21) text = digits + new string('0', n - k);
        else if (0 < n && n <= 21) text = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0) text = "0." + new string('0', -n) + digits;
        else
        {
            var e = n - 1;
            var exponent = (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
            text = k == 1 ? digits + "e" + exponent : digits[..1] + "." + digits[1..] + "e" + exponent;
        }
        return negative ? "-" + text : text;
    }

    /// <summary>The significant digits (no leading or trailing zeros) and n with value = 0.digits × 10ⁿ.</summary>
    private static (string Digits, int N) Decompose(string shortest)
    {
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..e];
        }
        var dot = shortest.IndexOf('.');
        var integerDigits = dot < 0 ? shortest.Length : dot;
        var all = shortest.Replace(".", "", StringComparison.Ordinal);
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, integerDigits - leading + exponent);
    }
}
