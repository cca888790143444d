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

    // Version 2: names with several natural synonyms (any one of a group may stand for the others).
    private static readonly string[][] Groups =
    [
        ["response", "resp", "reply", "answer"], ["request", "req", "message", "packet"], ["sock", "conn", "connection", "channel"],
        ["buf", "buffer", "data", "blob"], ["payload", "body", "content", "blob"], ["text", "txt", "decoded", "content"],
        ["line", "row", "entry", "item"], ["count", "n", "num", "amount"], ["result", "res", "ret", "out"],
        ["value", "val", "v", "x"], ["marker", "tag", "label", "token"], ["encoded", "b64", "encoded_text", "b64_text"],
        ["received", "got", "recv_data", "inbound"], ["status", "state", "outcome", "verdict"], ["address", "addr", "ip", "ip_addr"],
        ["resolved", "resolved_ip", "ip_text", "host_ip"], ["parser", "ap", "argparser", "cli"], ["args", "opts", "options", "ns"],
        ["headers", "hdrs", "header_map", "fields"], ["path", "target", "location", "url_path"], ["query", "params", "qs", "query_args"],
        ["form", "form_data", "post_data", "fields"], ["wire", "raw", "raw_bytes", "octets"], ["chunk", "piece", "block", "part"],
        ["preview", "snippet", "excerpt", "head"], ["lines", "parts", "rows", "pieces"], ["definition", "markup", "xml", "web_part"],
        ["name", "key", "field", "hname"], ["offset", "off", "pos", "position"], ["size", "length", "nbytes", "n_bytes"],
        ["start", "begin", "first", "lo"], ["banner", "greeting", "motd", "hello"], ["sent", "written", "nsent", "n_sent"],
        ["spray", "filler", "padding", "pad"], ["trailer", "tail", "footer", "suffix"], ["folded", "folds", "continuation", "cont"],
        ["client", "peer", "remote", "host_conn"], ["stream", "pipe", "io_stream", "flow"], ["data", "blob", "raw", "payload_bytes"],
        ["i", "idx", "k", "j"], ["timeout", "wait", "limit", "deadline"], ["delay", "pause", "interval", "sleep_for"],
    ];

    /// <summary>Three other natural names for <paramref name="name"/> (version 2, q-ary renames), best first; empty when it has none.</summary>
    public static IEnumerable<string> Synonyms4(string name) =>
        Groups.FirstOrDefault(g => g.Contains(name, StringComparer.Ordinal)) is { } group ? group.Where(n => n != name) : [];
}
