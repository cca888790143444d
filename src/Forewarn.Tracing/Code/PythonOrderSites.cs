namespace Forewarn.Tracing.Code;

/// <summary>
/// Version-2 Python sites in orders that carry no meaning and that <c>ast.unparse</c>, black and
/// comment stripping keep: two adjacent top-level function definitions (no decorators, neither's
/// header naming the other, each name defined once), two adjacent top-level assignments of
/// constants (a name, one line, literals only), and two adjacent keyword arguments of a call whose
/// values are literals or plain names (no side effect, so no order of evaluation to keep), never in
/// a definition's header, never to a callee that could see the order (<c>dict</c>, <c>update</c>,
/// a function of the file taking <c>**</c>…) nor in a call that unpacks <c>**</c>.
/// </summary>
internal static class PythonOrderSites
{
    // Callees that keep keyword arguments in order (a dict's keys, a record's fields).
    private static readonly HashSet<string> OrderSensitive =
    [
        "dict", "OrderedDict", "update", "SimpleNamespace", "Namespace", "namedtuple", "Counter", "defaultdict",
        "setdefault", "make_dataclass", "TypedDict", "Enum", "IntEnum", "Flag", "NamedTuple", "partial", "format", "format_map",
        "create_model", "assign", "savez", "savez_compressed",
    ];

    public static IEnumerable<CandidateSite> Find(string text, List<CodeToken> all)
    {
        var code = all.Where(t => !t.IsComment).ToList();
        var layout = new PythonLayout(text, code);
        return [.. Definitions(text, code, layout), .. Constants(text, code, layout), .. Keywords(text, code, layout)];
    }

    /// <summary>A top-level statement: its first and last code token.</summary>
    private readonly record struct Statement(int First, int Last);

    private static List<Statement> TopLevel(List<CodeToken> code, PythonLayout layout)
    {
        var starts = Enumerable.Range(0, code.Count).Where(i => layout.FirstOnLine(i) && layout.Depth[i] == 0 && layout.Column(i) == 0).ToList();
        return [.. starts.Select((s, k) => new Statement(s, (k + 1 < starts.Count ? starts[k + 1] : code.Count) - 1))];
    }

    private static int LineEnd(string text, int at)
    {
        var end = text.IndexOf('\n', at);
        return end < 0 ? text.Length : end;
    }

    private static int LineStart(string text, int at) => at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;

    private static CandidateSite Swap(string kind, string text, int aStart, int aEnd, int bStart, int bEnd, string a, string b) =>
        new(kind, [], $"{a}, {b}", $"{b}, {a}") { Swap = new SwapRegion(aStart, aEnd, bStart, bEnd) };

    private static IEnumerable<CandidateSite> Definitions(string text, List<CodeToken> code, PythonLayout layout)
    {
        var statements = TopLevel(code, layout);
        string? DefName(Statement s)
        {
            var d = code[s.First].Raw == "async" ? s.First + 1 : s.First;
            return code[d].Raw == "def" && d + 1 <= s.Last && code[d + 1].Kind == TokenKind.Identifier ? code[d + 1].Raw : null;
        }
        var defined = statements.Select(s => code[s.First].Raw is "def" or "class" or "async" && s.First + 2 <= s.Last
                ? code[code[s.First].Raw == "async" ? s.First + 2 : s.First + 1].Raw
                : s.First + 1 <= s.Last && code[s.First + 1].Raw == "=" ? code[s.First].Raw : null)
            .Where(n => n is not null).GroupBy(n => n!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (var k = 0; k + 1 < statements.Count; k++)
        {
            Statement a = statements[k], b = statements[k + 1];
            string? nameA = DefName(a), nameB = DefName(b);
            if (nameA is null || nameB is null || nameA == nameB || defined[nameA] != 1 || defined[nameB] != 1) continue;
            if (k > 0 && code[statements[k - 1].First].Raw == "@") continue;
            if (Header(code, layout, a).Any(t => t.Raw == nameB) || Header(code, layout, b).Any(t => t.Raw == nameA)) continue;
            yield return Swap(SiteKinds.DefinitionOrder, text, code[a.First].Start, LineEnd(text, code[a.Last].End), code[b.First].Start, LineEnd(text, code[b.Last].End), nameA, nameB);
            k++;
        }
    }

    /// <summary>A definition's header: parameters, defaults and annotations, up to its colon.</summary>
    private static IEnumerable<CodeToken> Header(List<CodeToken> code, PythonLayout layout, Statement s)
    {
        for (var i = s.First; i <= s.Last; i++)
        {
            yield return code[i];
            if (code[i].Raw == ":" && layout.Depth[i] == 0) yield break;
        }
    }

    private static IEnumerable<CandidateSite> Constants(string text, List<CodeToken> code, PythonLayout layout)
    {
        var statements = TopLevel(code, layout);
        string? ConstantName(Statement s)
        {
            if (s.Last < s.First + 2 || code[s.First].Kind != TokenKind.Identifier || code[s.First + 1].Raw != "=") return null;
            var name = code[s.First].Raw;
            if (name.StartsWith("__", StringComparison.Ordinal) || layout.LineOf[s.First] != layout.LineOf[s.Last]) return null;
            for (var i = s.First + 2; i <= s.Last; i++)
            {
                var t = code[i];
                var literal = t.Kind == TokenKind.Number
                    || (t.Kind == TokenKind.String && !t.Raw.Contains('\n', StringComparison.Ordinal) && !t.Raw[..t.Raw.IndexOfAny(['\'', '"'])].Contains('f', StringComparison.OrdinalIgnoreCase))
                    || (t.Kind == TokenKind.Identifier && t.Raw is "True" or "False" or "None")
                    || (t.Kind == TokenKind.Punctuation && t.Raw is "-" or "+" or "(" or ")" or "[" or "]" or ",");
                if (!literal) return null;
            }
            return name;
        }
        for (var k = 0; k + 1 < statements.Count; k++)
        {
            Statement a = statements[k], b = statements[k + 1];
            string? nameA = ConstantName(a), nameB = ConstantName(b);
            if (nameA is null || nameB is null || nameA == nameB) continue;
            yield return Swap(SiteKinds.StatementOrder, text, code[a.First].Start, LineEnd(text, code[a.Last].End), code[b.First].Start, LineEnd(text, code[b.Last].End), nameA, nameB);
            k++;
        }
    }

    private static IEnumerable<CandidateSite> Keywords(string text, List<CodeToken> code, PythonLayout layout)
    {
        var starKeywords = StarStarFunctions(code);
        for (var i = 1; i < code.Count; i++)
        {
            if (code[i].Raw != "(" || code[i].Kind != TokenKind.Punctuation) continue;
            var before = code[i - 1];
            if (!(before.Kind == TokenKind.Identifier || before.Raw is ")" or "]")) continue;
            if (before.Kind == TokenKind.Identifier && (PythonLexerKeywords.Contains(before.Raw) || (i >= 2 && code[i - 2].Raw is "def" or "class"))) continue;
            var callee = before.Kind == TokenKind.Identifier ? before.Raw : null;
            if (callee is not null && (OrderSensitive.Contains(callee) || starKeywords.Contains(callee))) continue;
            var close = Matching(code, layout, i);
            if (close < 0) continue;
            var args = Arguments(code, layout, i, close);
            if (args.Any(a => code[a.First].Raw is "**" or "*")) continue;
            var run = new List<(int First, int Last)>();
            foreach (var a in args.Append((First: -1, Last: -1)))
            {
                if (a.First >= 0 && SafeKeyword(code, a.First, a.Last)) { run.Add(a); continue; }
                for (var p = 0; p + 1 < run.Count; p += 2)
                {
                    var (x, y) = (run[p], run[p + 1]);
                    yield return Swap(SiteKinds.ArgumentOrder, text, code[x.First].Start, code[x.Last].End, code[y.First].Start, code[y.Last].End,
                        code[x.First].Raw, code[y.First].Raw);
                }
                run.Clear();
            }
        }
    }

    private static readonly HashSet<string> PythonLexerKeywords = ["if", "elif", "while", "for", "in", "not", "and", "or", "return", "yield", "assert", "del", "print", "lambda", "with", "except", "is", "await"];

    private static bool SafeKeyword(List<CodeToken> code, int first, int last)
    {
        if (last < first + 2 || code[first].Kind != TokenKind.Identifier || code[first + 1].Raw != "=") return false;
        static bool Literal(CodeToken t) => t.Kind == TokenKind.Number
            || (t.Kind == TokenKind.String && !t.Raw[..t.Raw.IndexOfAny(['\'', '"'])].Contains('f', StringComparison.OrdinalIgnoreCase));
        if (last == first + 2)
            return Literal(code[last]) || (code[last].Kind == TokenKind.Identifier && !PythonLexerKeywords.Contains(code[last].Raw));
        // A list or tuple of literals.
        if (code[first + 2].Raw is not ("[" or "(") || code[last].Raw is not ("]" or ")")) return false;
        for (var i = first + 3; i < last; i++)
            if (!(Literal(code[i]) || code[i].Raw == "," || (code[i].Kind == TokenKind.Identifier && code[i].Raw is "True" or "False" or "None"))) return false;
        return true;
    }

    private static int Matching(List<CodeToken> code, PythonLayout layout, int open)
    {
        for (var j = open + 1; j < code.Count; j++)
            if (layout.Depth[j] <= layout.Depth[open])
                return code[j].Raw == ")" ? j : -1;
        return -1;
    }

    private static List<(int First, int Last)> Arguments(List<CodeToken> code, PythonLayout layout, int open, int close)
    {
        var args = new List<(int First, int Last)>();
        var start = open + 1;
        var inner = layout.Depth[open] + 1;
        for (var j = open + 1; j <= close; j++)
        {
            if (j == close || (code[j].Raw == "," && layout.Depth[j] == inner))
            {
                if (j > start) args.Add((start, j - 1));
                start = j + 1;
            }
        }
        return args;
    }

    /// <summary>Functions of the file that take <c>**</c> (they could see the order of keyword arguments).</summary>
    private static HashSet<string> StarStarFunctions(List<CodeToken> code)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var classes = new List<string>();
        for (var i = 0; i + 1 < code.Count; i++)
        {
            if (code[i].Raw == "class") classes.Add(code[i + 1].Raw);
            if (code[i].Raw != "def") continue;
            for (var j = i + 2; j < code.Count && code[j].Raw != ":"; j++)
                if (code[j].Raw == "**") names.Add(code[i + 1].Raw);
        }
        // A class whose constructor (or call) takes ** sees the order too: then no class of the file is called with swapped keywords.
        if (names.Any(n => n is "__init__" or "__new__" or "__call__" or "__init_subclass__")) names.UnionWith(classes);
        return names;
    }
}

/// <summary>Where each code token of a Python source sits: bracket depth, line, column, first on its line.</summary>
internal sealed class PythonLayout
{
    private readonly string text;
    private readonly List<CodeToken> code;

    public PythonLayout(string text, List<CodeToken> code)
    {
        this.text = text;
        this.code = code;
        Depth = new int[code.Count];
        for (int i = 0, d = 0; i < code.Count; i++)
        {
            if (code[i].Kind == TokenKind.Punctuation && code[i].Raw is ")" or "]" or "}") d = Math.Max(0, d - 1);
            Depth[i] = d;
            if (code[i].Kind == TokenKind.Punctuation && code[i].Raw is "(" or "[" or "{") d++;
        }
        LineOf = [.. code.Select(t => SourceEdits.LineOf(text, t.Start))];
    }

    /// <summary>Bracket depth (a closing bracket at the depth of its opening one).</summary>
    public int[] Depth { get; }

    public int[] LineOf { get; }

    public bool FirstOnLine(int i) => i == 0 || LineOf[i - 1] != LineOf[i] && !(code[i - 1].Kind == TokenKind.String && code[i - 1].Raw.Contains('\n', StringComparison.Ordinal) && LineOf[i - 1] + code[i - 1].Raw.Count(c => c == '\n') == LineOf[i]);

    public int Column(int i) => code[i].Start - (text.LastIndexOf('\n', Math.Max(0, code[i].Start - 1)) + 1);
}
