using System.Text.RegularExpressions;

namespace Forewarn.Tracing.Code;

/// <summary>
/// The sites Forewarn finds in a Python PoC at the token level: integer forms (16 ↔ 0x10), quote
/// style of simple strings ('x' ↔ "x"), comment wording, order of two adjacent standard-library
/// import lines, and names of locals that only one function uses.
/// </summary>
internal static class PythonSites
{
    private static readonly HashSet<string> Keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type", "_", "self", "cls",
    ];

    // Functions using any of these are left alone: nested scopes and dynamic name lookups defeat a token-level rename.
    private static readonly HashSet<string> ScopeHazards = ["def", "class", "lambda", "global", "nonlocal", "locals", "vars", "eval", "exec", "globals", "__dict__"];

    private static readonly HashSet<string> SafeModules =
    [
        "argparse", "socket", "struct", "sys", "os", "time", "random", "re", "json", "binascii", "hashlib", "hmac", "ssl",
        "select", "string", "base64", "zlib", "itertools", "functools", "math", "errno", "io", "textwrap", "urllib",
        "http", "collections", "typing", "dataclasses", "enum", "pathlib", "subprocess", "threading", "datetime", "secrets",
    ];

    private static readonly HashSet<string> AssignOps = ["=", "+=", "-=", "*=", "/=", "//=", "%=", "|=", "&=", "^=", "<<=", ">>=", "**="];

    // Version 2 also leaves alone functions that reach their frame's locals by name.
    private static readonly HashSet<string> FrameHazards = ["_getframe", "f_locals", "currentframe", "inspect", "dir"];

    public static List<CandidateSite> Find(string text, List<CodeToken> tokens, int version = MarkerVersion.First)
    {
        var sites = new List<CandidateSite>();
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Number && IntegerForm(t.Raw) is { } alt)
                sites.Add(Single(SiteKinds.IntegerForm, t, alt));
            else if (t.Kind == TokenKind.String && OtherQuotes(t.Raw) is { } q)
                sites.Add(Single(SiteKinds.QuoteStyle, t, q));
            else if (t.Kind == TokenKind.CommentWord && t.Eligible && CommentSynonyms.Alternative(t.Raw) is { } w)
                sites.Add(Single(SiteKinds.CommentWord, t, w));
        }
        sites.AddRange(ImportPairs(text, tokens));
        sites.AddRange(version >= 2 ? ScopedLocals(text, tokens) : Locals(text, tokens));
        if (version >= 2) sites.AddRange(PythonOrderSites.Find(text, tokens));
        return sites;
    }

    private static CandidateSite Single(string kind, CodeToken t, string alt) =>
        new(kind, [new SiteEdit(t.Start, t.End - t.Start, alt)], t.Raw, alt);

    internal static string? IntegerForm(string raw)
    {
        if (PythonLexer.DecimalPattern().IsMatch(raw) && ulong.TryParse(raw, out var d) && d >= 2) return "0x" + d.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        if (PythonLexer.HexPattern().IsMatch(raw) && PythonLexer.IntegerValue(raw) is { } v && v.Length > 0 && v != "0" && v != "1") return v;
        return null;
    }

    private static string? OtherQuotes(string raw)
    {
        var q = raw.IndexOfAny(['\'', '"']);
        if (q < 0) return null;
        var prefix = raw[..q].ToLowerInvariant();
        if (prefix is not ("" or "r" or "b" or "u" or "rb" or "br")) return null;
        var quote = raw[q];
        if (raw.Length < q + 2 || raw[^1] != quote) return null;
        var content = raw[(q + 1)..^1];
        if (content.Length > 0 && content[0] == quote) return null; // triple-quoted or empty-then-quote
        if (content.AsSpan().IndexOfAny("'\"\\\n\r") >= 0) return null;
        var other = quote == '\'' ? '"' : '\'';
        return raw[..q] + other + content + other;
    }

    private static IEnumerable<CandidateSite> ImportPairs(string text, List<CodeToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            CodeToken a = tokens[i], b = tokens[i + 1];
            if (a.Kind != TokenKind.ImportLine || b.Kind != TokenKind.ImportLine) continue;
            var between = text[a.End..b.Start];
            if (between.Count(c => c == '\n') != 1 || between.Trim().Length != 0) continue;
            if (!SafeImport(a.Raw) || !SafeImport(b.Raw) || a.Raw == b.Raw) continue;
            var original = text[a.Start..b.End];
            var swapped = text[b.Start..b.End] + between + text[a.Start..a.End];
            if (LineIndent(text, a.Start) != LineIndent(text, b.Start)) continue;
            yield return new CandidateSite(SiteKinds.ImportOrder, [new SiteEdit(a.Start, original.Length, swapped)], original, swapped);
            i++;
        }
    }

    private static bool SafeImport(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length < 2) return false;
        var module = parts[1].Split('.')[0].TrimEnd(',');
        return SafeModules.Contains(module) && (parts[0] == "import" ? parts.Length == 2 || (parts.Length == 4 && parts[2] == "as") : parts.Length >= 4 && parts[2] == "import" && !line.Contains('*', StringComparison.Ordinal));
    }

    private static string LineIndent(string text, int at)
    {
        var start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        return text[start..at];
    }

    private static IEnumerable<CandidateSite> Locals(string text, List<CodeToken> all)
    {
        var code = all.Where(t => !t.IsComment).ToList();
        var depth = new int[code.Count];
        for (int i = 0, d = 0; i < code.Count; i++)
        {
            depth[i] = d;
            if (code[i].Kind == TokenKind.Punctuation && code[i].Raw is "(" or "[" or "{") d++;
            if (code[i].Kind == TokenKind.Punctuation && code[i].Raw is ")" or "]" or "}") d = Math.Max(0, d - 1);
        }
        var lineOf = code.Select(t => SourceEdits.LineOf(text, t.Start)).ToArray();
        bool FirstOnLine(int i) => i == 0 || lineOf[i - 1] != lineOf[i] || code[i - 1].Kind == TokenKind.String && code[i - 1].Raw.Contains('\n', StringComparison.Ordinal);
        int Column(int i) => code[i].Start - (text.LastIndexOf('\n', Math.Max(0, code[i].Start - 1)) + 1);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < code.Count; i++)
        {
            if (code[i].Raw != "def" || code[i].Kind != TokenKind.Identifier) continue;
            var defLine = i > 0 && code[i - 1].Raw == "async" ? i - 1 : i;
            if (!FirstOnLine(defLine)) continue;
            var indent = Column(defLine);
            var h = i + 1;
            while (h < code.Count && !(code[h].Raw == ":" && depth[h] == 0)) h++;
            if (h + 1 >= code.Count || lineOf[h + 1] == lineOf[h]) continue;
            var end = h + 1;
            while (end < code.Count && !(FirstOnLine(end) && depth[end] == 0 && Column(end) <= indent)) end++;
            var body = code.Skip(h + 1).Take(end - h - 1).ToList();
            if (body.Any(t => t.Kind == TokenKind.Identifier && ScopeHazards.Contains(t.Raw))) continue;
            var names = new List<string>();
            for (var k = h + 1; k < end; k++)
            {
                if (code[k].Kind != TokenKind.Identifier || k + 1 >= code.Count) continue;
                var next = code[k + 1].Raw;
                var assigned = (FirstOnLine(k) && depth[k] == 0 && AssignOps.Contains(next))
                    || (code[k - 1].Raw == "for" && next == "in")
                    || (code[k - 1].Raw == "as" && next == ":");
                if (assigned && !names.Contains(code[k].Raw)) names.Add(code[k].Raw);
            }
            foreach (var name in names)
            {
                if (Keywords.Contains(name) || name.StartsWith("__", StringComparison.Ordinal)) continue;
                var occurrences = Enumerable.Range(0, code.Count).Where(k => code[k].Kind == TokenKind.Identifier && code[k].Raw == name).ToList();
                if (occurrences.Any(k => k <= h || k >= end)) continue;
                if (occurrences.Any(k => code[k - 1].Raw == "." || (depth[k] > 0 && k + 1 < code.Count && code[k + 1].Raw == "="))) continue;
                var word = new Regex($@"\b{Regex.Escape(name)}\b");
                if (all.Any(t => t.Kind is TokenKind.String or TokenKind.ImportLine && word.IsMatch(t.Raw))) continue;
                var alt = LocalNames.For(name, CodeLanguage.Python).FirstOrDefault(m =>
                    !Keywords.Contains(m) && !taken.Contains(m) && !new Regex($@"\b{Regex.Escape(m)}\b").IsMatch(text));
                if (alt is null) continue;
                taken.Add(alt);
                var edits = occurrences.Select(k => new SiteEdit(code[k].Start, name.Length, alt)).ToList();
                yield return new CandidateSite(SiteKinds.LocalName, edits, name, alt);
            }
        }
    }

    /// <summary>
    /// Version 2: a local of one function is renamed even when other functions use the same name
    /// for their own (then the site is <see cref="CandidateSite.Scoped"/>), or a word of a string
    /// holds it; never a parameter, an attribute or a keyword argument's name (those occurrences
    /// stay), and inside the function's f-strings the name is renamed in the replacement fields
    /// (a function with an <c>{name=}</c> field is left alone: the name is printed).
    /// </summary>
    private static IEnumerable<CandidateSite> ScopedLocals(string text, List<CodeToken> all)
    {
        var code = all.Where(t => !t.IsComment).ToList();
        var layout = new PythonLayout(text, code);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < code.Count; i++)
        {
            if (code[i].Raw != "def" || code[i].Kind != TokenKind.Identifier) continue;
            var defLine = i > 0 && code[i - 1].Raw == "async" ? i - 1 : i;
            if (!layout.FirstOnLine(defLine)) continue;
            var indent = layout.Column(defLine);
            var h = i + 1;
            while (h < code.Count && !(code[h].Raw == ":" && layout.Depth[h] == 0)) h++;
            if (h + 1 >= code.Count || layout.LineOf[h + 1] == layout.LineOf[h]) continue;
            var end = h + 1;
            while (end < code.Count && !(layout.FirstOnLine(end) && layout.Depth[end] == 0 && layout.Column(end) <= indent)) end++;
            var body = code.Skip(h + 1).Take(end - h - 1).ToList();
            if (body.Any(t => t.Kind == TokenKind.Identifier && (ScopeHazards.Contains(t.Raw) || FrameHazards.Contains(t.Raw)))) continue;
            var parameters = code.Skip(i + 1).Take(h - i).Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Raw).ToHashSet(StringComparer.Ordinal);
            var names = new List<string>();
            for (var k = h + 1; k < end; k++)
            {
                if (code[k].Kind != TokenKind.Identifier || k + 1 >= code.Count) continue;
                var next = code[k + 1].Raw;
                var assigned = (layout.FirstOnLine(k) && layout.Depth[k] == 0 && AssignOps.Contains(next))
                    || (code[k - 1].Raw == "for" && next == "in")
                    || (code[k - 1].Raw == "as" && next == ":");
                if (assigned && !names.Contains(code[k].Raw)) names.Add(code[k].Raw);
            }
            var fstrings = body.Where(t => t.Kind == TokenKind.String && t.Raw[..t.Raw.IndexOfAny(['\'', '"'])].Contains('f', StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var name in names)
            {
                if (Keywords.Contains(name) || name.StartsWith("__", StringComparison.Ordinal) || parameters.Contains(name)) continue;
                var word = new Regex($@"\b{Regex.Escape(name)}\b");
                if (all.Any(t => t.Kind == TokenKind.ImportLine && word.IsMatch(t.Raw))) continue;
                var inside = Enumerable.Range(h + 1, end - h - 1).Where(k => code[k].Kind == TokenKind.Identifier && code[k].Raw == name).ToList();
                var references = inside.Where(k => code[k - 1].Raw != "." && !(layout.Depth[k] > 0 && k + 1 < code.Count && code[k + 1].Raw == "=")).ToList();
                var fieldEdits = new List<int>();
                var printed = false;
                foreach (var f in fstrings)
                    foreach (var at in FieldOccurrences(f.Raw, word))
                    {
                        if (at < 0) { printed = true; continue; }
                        if (at + name.Length < f.Raw.Length && f.Raw[at + name.Length] == '=' && (at + name.Length + 1 >= f.Raw.Length || f.Raw[at + name.Length + 1] != '=')) printed = true;
                        fieldEdits.Add(f.Start + at);
                    }
                if (printed || references.Count == 0) continue;
                bool Free(string m) => !Keywords.Contains(m) && !taken.Contains(m) && !new Regex($@"\b{Regex.Escape(m)}\b").IsMatch(text);
                var choices = LocalNames.Synonyms4(name).Where(Free).Take(3).ToList();
                var alt = choices.Count == 3 ? choices[0] : LocalNames.For(name, CodeLanguage.Python).FirstOrDefault(Free);
                if (alt is null) continue;
                if (choices.Count == 3) taken.UnionWith(choices);
                else taken.Add(alt);
                var everywhere = code.Count(t => t.Kind == TokenKind.Identifier && t.Raw == name);
                // A word of a string reads as a name in a fragment that lost the string's first line: such a name is read by its surroundings.
                var inStrings = all.Any(t => t.Kind == TokenKind.String && word.IsMatch(t.Raw));
                var edits = references.Select(k => new SiteEdit(code[k].Start, name.Length, alt))
                    .Concat(fieldEdits.Select(p => new SiteEdit(p, name.Length, alt))).OrderBy(e => e.Start).ToList();
                var scoped = everywhere != references.Count || inStrings;
                if (choices.Count == 3)
                {
                    // Four names, two bits: the sites of bit 0 and bit 1 rename the same places.
                    var choice = new NameChoice([name, .. choices], [.. edits.Select(e => e.Start)]);
                    for (var bit = 0; bit < 2; bit++)
                        yield return new CandidateSite(SiteKinds.LocalName, [.. choice.EditsFor(1 << bit)], name, choice.Names[1 << bit]) { Scoped = scoped, Choice = choice, Bit = bit };
                    continue;
                }
                yield return new CandidateSite(SiteKinds.LocalName, edits, name, alt) { Scoped = scoped };
            }
        }
    }

    /// <summary>
    /// Where the name stands in an f-string's replacement fields (not after a dot): offsets in the
    /// literal; -1 for the name inside a string within a field (a dict key: it must stay).
    /// </summary>
    private static IEnumerable<int> FieldOccurrences(string raw, Regex word)
    {
        var depth = 0;
        var open = raw.IndexOfAny(['\'', '"']);
        char? quoted = null;
        for (var i = open + 1; i < raw.Length; i++)
        {
            var c = raw[i];
            if (depth > 0 && c is '\'' or '"' && raw[open] != c) { quoted = quoted == c ? null : quoted ?? c; continue; }
            if (c == '{' && i + 1 < raw.Length && raw[i + 1] == '{' && depth == 0) { i++; continue; }
            if (c == '{') { depth++; continue; }
            if (c == '}') { depth = Math.Max(0, depth - 1); continue; }
            if (depth == 0) continue;
            var m = word.Match(raw, i);
            if (m.Success && m.Index == i && (i == 0 || (raw[i - 1] != '.' && !char.IsLetterOrDigit(raw[i - 1]) && raw[i - 1] != '_')))
            {
                yield return quoted is null ? i : -1;
                i += m.Length - 1;
            }
        }
    }
}
