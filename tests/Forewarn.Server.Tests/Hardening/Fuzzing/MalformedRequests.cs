using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Forewarn.Server.Tests.Hardening.Fuzzing;

/// <summary>A request made to break an operation: what was broken, and the request itself.</summary>
public sealed record FuzzCase(ApiOperation Operation, string What, string Method, string Url, byte[]? Body, string ContentType)
{
    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        return $"{Method} {(Url.Length > 200 ? Url[..200] + "…" : Url)} [{What}] {(body.Length > 300 ? body[..300] + "…" : body)}";
    }
}

/// <summary>
/// Generators of malformed requests for an operation of the OpenAPI document: a request that is
/// right except for one thing — one body member of the wrong type, null, out of range, too long,
/// holding control characters or a lone surrogate, named twice, or a null list item; a whole body
/// that is not the JSON asked for; a path or query value that is junk. Path values that must name
/// something real (to get past the lookup to the validation) come from <c>known</c>.
/// </summary>
public static class MalformedRequests
{
    private const string LoneSurrogate = "@@lone-surrogate@@";
    private const string Overflow = "@@overflow@@";

    /// <summary>Replacement values for one member: each breaks a rule a careless or hostile client might.</summary>
    private static readonly Gen<(string What, JsonNode? Value)> BadValues = Gen.Elements<(string, JsonNode?)>(
        ("null", null),
        ("a list holding null", new JsonArray((JsonNode?)null)),
        ("a list holding null and a value", new JsonArray((JsonNode?)null, "x")),
        ("a number", 12345),
        ("a string", "not what was asked"),
        ("true", true),
        ("an object", new JsonObject { ["a"] = 1 }),
        ("an empty list", new JsonArray()),
        ("1e308", 1e308),
        ("-1e308", -1e308),
        ("2^31", 2147483648L),
        ("-2^31-1", -2147483649L),
        ("2^63", JsonValue.Create(9223372036854775808UL)),
        ("-1", -1),
        ("0", 0),
        ("a fraction", 0.000001),
        ("a number beyond double", Overflow),
        ("NUL", "before\u0000after"),
        ("a bell", "ding\u0007"),
        ("CR LF", "one\r\ntwo: header"),
        ("an escape sequence", "\u001b[31mred"),
        ("a lone surrogate", LoneSurrogate),
        ("a right-to-left override", "txt.\u202eexe"),
        ("an emoji", "\U0001F600 ok"),
        ("markup", "<script>alert(1)</script>"),
        ("a traversal", "..\\..\\windows\\win.ini"),
        ("10k characters", new string('x', 10_000)),
        ("an empty string", ""),
        ("spaces", "   "),
        ("a time out of range", "9999-12-31T23:59:59Z"),
        ("the first time", "0001-01-01T00:00:00Z"),
        ("a time that is not one", "2026-13-45T99:99:99Z"),
        ("a GUID of nothing", Guid.NewGuid().ToString()),
        ("a deep list", Deep(64)));

    private static readonly Gen<(string What, string Body)> BadBodies = Gen.Elements(
        ("an empty body", ""),
        ("JSON null", "null"),
        ("a list", "[]"),
        ("a cut-off object", "{\"a\":"),
        ("a string", "\"text\""),
        ("a number", "42"),
        ("nesting 5000 deep", new string('[', 5000) + new string(']', 5000)),
        ("trailing garbage", "{} trailing"),
        ("a comment", "{/* comment */}"));

    private static readonly Gen<string> BadSegments = Gen.Elements(
        "%00", "..%2F..%2Fetc%2Fpasswd", "%ZZ", new string('a', 3000), "null", "-1", "0", "1e308", "99999999999999999999",
        "FW-2025-0708%0D%0AX-Injected:%20yes", "%E2%80%AE", "%F0%9F%98%80", "%20", Guid.NewGuid().ToString(), "%C0%AF");

    private static readonly Gen<string> BadQueryValues = Gen.Elements(
        "-1", "0", "1e9", "99999999999999999999", "abc", "", "%00", "2026-13-45T00:00:00Z", "yesterday", new string('q', 3000),
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "%0D%0A", Guid.NewGuid().ToString(), "true");

    /// <summary>Malformed requests for <paramref name="op"/>; <paramref name="known"/> gives a real value for a path parameter (or null).</summary>
    public static Gen<FuzzCase> For(ApiOperation op, Func<ApiOperation, string, string?> known)
    {
        var kinds = new List<(int, Gen<FuzzCase>)>();
        if (op.Body is { } body)
        {
            kinds.Add((6, BadMember(op, body, known)));
            kinds.Add((2, from b in BadBodies select Make(op, $"body: {b.What}", Path(op, known, null, null), "", Encoding.UTF8.GetBytes(b.Body))));
            kinds.Add((1, Gen.Constant(Make(op, "body: not UTF-8", Path(op, known, null, null), "", [0x7B, 0xFF, 0xFE, 0x7D]))));
            kinds.Add((1, Gen.Constant(Make(op, "body: sent as text/plain", Path(op, known, null, null), "", Valid(op, body), "text/plain"))));
        }
        var pathParameters = op.Parameters.Where(p => p.In == "path").ToList();
        if (pathParameters.Count > 0)
            kinds.Add((3, from p in Gen.Elements(pathParameters.ToArray())
                          from v in BadSegments
                          select Make(op, $"path {p.Name} = {Short(v)}", Path(op, known, p.Name, v), "", op.Body is { } b2 ? Valid(op, b2) : null)));
        var query = op.Parameters.Where(p => p.In == "query").Select(p => p.Name).DefaultIfEmpty("unexpected").ToArray();
        kinds.Add((2, from name in Gen.Elements(query)
                      from v in BadQueryValues
                      select Make(op, $"query {name} = {Short(v)}", Path(op, known, null, null), $"?{name}={v}", op.Body is { } b3 ? Valid(op, b3) : null)));
        return Gen.Frequency(kinds.ToArray());
    }

    private static Gen<FuzzCase> BadMember(ApiOperation op, JsonObject schema, Func<ApiOperation, string, string?> known)
    {
        var members = Properties(schema).Keys.ToArray();
        if (members.Length == 0)
            return from v in BadValues select Make(op, $"body = {v.What}", Path(op, known, null, null), "", Text(v.Value));
        return from name in Gen.Elements(members)
               from bad in BadValues
               from nested in Gen.Elements(true, false)
               from twice in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
               select MemberCase(op, schema, known, name, bad, nested, twice);
    }

    private static FuzzCase MemberCase(ApiOperation op, JsonObject schema, Func<ApiOperation, string, string?> known,
        string name, (string What, JsonNode? Value) bad, bool nested, bool twice)
    {
        var members = Properties(schema).ToDictionary(p => p.Key, p => ValidValue(p.Value));
        var what = $"{name} = {bad.What}";
        // One level down, a list of objects or an object gets the bad value in one of its own members.
        var inner = ItemSchema(Properties(schema)[name]);
        if (nested && inner is not null && Properties(inner).Keys.FirstOrDefault() is { } innerName)
        {
            var item = (JsonObject)ValidValue(inner)!;
            item[innerName] = bad.Value?.DeepClone();
            members[name] = Properties(schema)[name]["items"] is null ? item : new JsonArray(item);
            what = $"{name}[0].{innerName} = {bad.What}";
        }
        else members[name] = bad.Value?.DeepClone();
        var text = new StringBuilder("{");
        var first = true;
        foreach (var (key, value) in members)
        {
            for (var i = 0; i < (twice && key == name ? 2 : 1); i++)
            {
                if (!first) text.Append(',');
                text.Append(JsonValue.Create(key)!.ToJsonString()).Append(':').Append(value?.ToJsonString() ?? "null");
                first = false;
            }
        }
        text.Append('}');
        return Make(op, twice ? what + ", named twice" : what, Path(op, known, null, null), "", Encoding.UTF8.GetBytes(Markers(text.ToString())));
    }

    private static FuzzCase Make(ApiOperation op, string what, string path, string query, byte[]? body, string contentType = "application/json") =>
        new(op, what, op.Method, path + query, body, contentType);

    private static byte[] Text(JsonNode? value) => Encoding.UTF8.GetBytes(Markers(value?.ToJsonString() ?? "null"));

    private static byte[] Valid(ApiOperation op, JsonObject body) => Encoding.UTF8.GetBytes(ValidValue(body)?.ToJsonString() ?? "{}");

    private static string Markers(string json) => json
        .Replace($"\"{LoneSurrogate}\"", "\"a\\ud800b\"", StringComparison.Ordinal)
        .Replace($"\"{Overflow}\"", "1e999", StringComparison.Ordinal);

    private static string Path(ApiOperation op, Func<ApiOperation, string, string?> known, string? broken, string? value)
    {
        var path = op.Path;
        foreach (var p in op.Parameters.Where(p => p.In == "path"))
        {
            var v = p.Name == broken ? value! : Uri.EscapeDataString(known(op, p.Name) ?? Guid.NewGuid().ToString());
            path = path.Replace("{" + p.Name + "}", v, StringComparison.Ordinal);
        }
        return path;
    }

    private static string Short(string v) => v.Length > 40 ? $"{v[..20]}… ({v.Length} characters)" : v;

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++) node = new JsonArray(node);
        return node;
    }

    // ---- Schemas ----

    private static IReadOnlyDictionary<string, JsonObject> Properties(JsonObject schema) =>
        (Effective(schema)["properties"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value as JsonObject ?? []) ?? [];

    private static JsonObject? ItemSchema(JsonObject schema)
    {
        var s = Effective(schema);
        var candidate = s["items"] as JsonObject ?? s;
        return Properties(candidate).Count > 0 ? Effective(candidate) : null;
    }

    // The schema behind a nullable union (oneOf/anyOf with null, or a type list holding "null").
    private static JsonObject Effective(JsonObject schema)
    {
        foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[union] is JsonArray options && options.OfType<JsonObject>().FirstOrDefault(o => TypeOf(o) != "null") is { } chosen)
                return Effective(chosen);
        return schema;
    }

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue v => (string?)v,
        JsonArray a => a.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => schema["properties"] is not null ? "object" : null,
    };

    /// <summary>A value the schema accepts (as far as a schema can tell): the background every bad member stands out against.</summary>
    public static JsonNode? ValidValue(JsonObject schema, int depth = 0)
    {
        var s = Effective(schema);
        if (s["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first) return first.DeepClone();
        return TypeOf(s) switch
        {
            "string" => (string?)s["format"] switch
            {
                "date-time" => "2026-12-24T12:00:00Z",
                "uuid" => Guid.NewGuid().ToString(),
                "uri" => "https://example.com/fuzz",
                _ => "fuzz",
            },
            "integer" => 1,
            "number" => 1.5,
            "boolean" => true,
            "array" when depth < 4 => s["items"] is JsonObject items ? new JsonArray(ValidValue(items, depth + 1)) : new JsonArray(),
            "object" when depth < 4 => Object(s, depth),
            _ => null,
        };
    }

    private static JsonObject Object(JsonObject s, int depth)
    {
        var o = new JsonObject();
        foreach (var (name, property) in Properties(s)) o[name] = ValidValue(property, depth + 1);
        if (o.Count == 0 && s["additionalProperties"] is JsonObject extra) o["notice"] = ValidValue(extra, depth + 1);
        return o;
    }
}
