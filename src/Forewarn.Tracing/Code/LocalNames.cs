namespace Forewarn.Tracing.Code;

/// <summary>The fixed alternative names a renamed local may take: a curated synonym first, then a spelled variant.</summary>
internal static class LocalNames
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["buf"] = "buffer", ["buffer"] = "buf", ["sock"] = "conn", ["conn"] = "sock", ["resp"] = "response",
        ["response"] = "resp", ["data"] = "blob", ["payload"] = "body", ["pkt"] = "packet", ["packet"] = "pkt",
        ["hdr"] = "header", ["header"] = "hdr", ["msg"] = "message", ["message"] = "msg", ["addr"] = "address",
        ["address"] = "addr", ["req"] = "request", ["request"] = "req", ["res"] = "result", ["result"] = "res",
        ["n"] = "count", ["count"] = "n", ["i"] = "idx", ["idx"] = "i", ["length"] = "size", ["size"] = "length",
        ["offset"] = "off", ["off"] = "offset", ["value"] = "val", ["val"] = "value", ["tmp"] = "temp", ["temp"] = "tmp",
        ["name"] = "label", ["total"] = "acc", ["line"] = "row", ["chunk"] = "piece", ["body"] = "content",
        ["content"] = "body", ["reply"] = "answer", ["start"] = "begin", ["end"] = "stop", ["stream"] = "channel",
        ["client"] = "peer", ["bytes"] = "octets", ["parts"] = "pieces", ["key"] = "k", ["text"] = "txt",
    };

    /// <summary>Alternatives for <paramref name="name"/>, best first.</summary>
    public static IEnumerable<string> For(string name, CodeLanguage language)
    {
        if (Synonyms.TryGetValue(name, out var s)) yield return s;
        if (language == CodeLanguage.Python) yield return name + "_";
        else yield return "my" + char.ToUpperInvariant(name[0]) + name[1..];
    }
}
