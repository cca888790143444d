namespace Forewarn.Tracing.Code;

/// <summary>
/// Marks in proof-of-concept code. <see cref="Prepare"/> finds the sites of a Python or C# PoC —
/// the author's templates (<c>{{fw:A|B}}</c>) and places Forewarn varies itself: integer literal
/// forms, string quote style, names of locals, comment wording, order of adjacent imports — keeps
/// only those whose every variant still compiles (Roslyn) or parses (CPython) and that can be read
/// back unambiguously, and refuses a PoC that does not compile or parse as given.
/// </summary>
public static class CodeMarks
{
    public static IMarkedArtifact Prepare(string source, CodeLanguage language, int markerVersion = MarkerVersion.Current)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!MarkerVersion.IsKnown(markerVersion))
            throw new ArgumentOutOfRangeException(nameof(markerVersion), markerVersion, "Unknown marker version.");
        var (text, templates) = Templates.Parse(source, markerVersion);
        CopyCheck check;
        List<CandidateSite> found;
        if (language == CodeLanguage.CSharp)
        {
            var cs = CSharpCheck.ForOriginal(text);
            check = cs;
            found = CSharpSites.Find(text, cs.Original, markerVersion);
        }
        else
        {
            check = PythonCheck.ForOriginal(text);
            found = PythonSites.Find(text, PythonLexer.Tokenize(text), markerVersion);
        }
        var automatic = new List<CandidateSite>();
        foreach (var site in found)
            if (!templates.Any(site.Overlaps) && !automatic.Any(site.Overlaps)) automatic.Add(site);

        Templates.CheckVariants(text, templates, check);
        automatic = KeepSound(text, automatic, check);
        if (check.Problem(SourceEdits.Apply(text, [.. templates, .. automatic])) is { } together)
            throw new CodeMarkException("template-breaks-copy", $"The mark templates together give a copy that fails its check, so the PoC is refused: {together}");

        var all = templates.Concat(automatic).OrderBy(s => s.Start).ToList();
        var normaliser = Normaliser(all, language);
        var sites = new List<CandidateSite>();
        var readers = new List<ContextSite?>();
        var shapeReaders = new List<ShapeReader?>();
        var zero = Views(text, language, normaliser);
        var oneText = SourceEdits.Apply(text, all);
        var one = Views(oneText, language, normaliser);
        var byLine = (Zero: Views(text, language, normaliser, lines: true), One: Views(oneText, language, normaliser, lines: true));
        var shapes = all.Any(s => s.Swap is not null || s.Scoped || (s.Choice is not null && !s.IsTemplate))
            ? new ShapeChecks(text, oneText, language, normaliser)
            : null;
        var templateReaders = templates.Any(t => t.Choice is not null) ? new TemplateReaders(text, all, language, normaliser) : null;
        var valueReaders = new Dictionary<NameChoice, IReadOnlyList<ShapeReader>?>();
        foreach (var site in all)
        {
            if (site.IsTemplate && site.Choice is { } choice)
            {
                // Version 2: read by value; a binary template that cannot be falls back to its surroundings (as at version 1).
                if (!valueReaders.TryGetValue(choice, out var byValue))
                    valueReaders[choice] = byValue = templateReaders!.ReadersOf([.. all.Where(s => ReferenceEquals(s.Choice, choice)).OrderBy(s => s.Bit)]);
                if (byValue is not null)
                {
                    sites.Add(site);
                    readers.Add(null);
                    shapeReaders.Add(byValue[site.Bit]);
                    continue;
                }
                if (choice.Names.Count > 2)
                    throw new CodeMarkException("template-unreadable", $"The mark template at line {SourceEdits.LineOf(text, site.Start)} cannot be read back by its value (its variants differ only in punctuation or spacing, stand in a comment, match the code around them, or share a string literal with another template); give each variant distinct letters or digits, one template per string.");
            }
            else if (site.Swap is not null || site.Scoped || site.Choice is not null)
            {
                if (shapes!.ReaderOf(site) is not { } shaped) continue;
                sites.Add(site);
                readers.Add(null);
                shapeReaders.Add(shaped);
                continue;
            }
            var reader = site.Renames ? null : ReaderOf(text, site, language, normaliser, zero, one, byLine);
            if (!site.Renames && reader is null)
            {
                if (site.IsTemplate)
                    throw new CodeMarkException("template-unreadable", $"The mark template at line {SourceEdits.LineOf(text, site.Start)} cannot be told apart from the code around it; give it distinct surroundings.");
                continue;
            }
            sites.Add(site);
            readers.Add(reader);
            shapeReaders.Add(null);
        }
        return new MarkedCode(text, language, sites, readers, shapeReaders, normaliser, check);
    }

    internal static List<CodeToken> Tokenize(string text, CodeLanguage language) =>
        language == CodeLanguage.CSharp ? CSharpLexer.Tokenize(text) : PythonLexer.Tokenize(text);

    /// <summary>
    /// The tokens of each line on its own: a leaked copy that lost the line opening a multi-line
    /// string or comment would otherwise swallow everything after its closing line.
    /// </summary>
    internal static List<CodeToken> TokenizeLines(string text, CodeLanguage language)
    {
        var tokens = new List<CodeToken>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            foreach (var t in Tokenize(text[start..end], language))
                tokens.Add(t with { Start = t.Start + start, End = t.End + start });
            start = end + 1;
        }
        return tokens;
    }

    /// <summary>Sites that keep every copy sound: all at once if that passes, else added one at a time.</summary>
    private static List<CandidateSite> KeepSound(string text, List<CandidateSite> sites, CopyCheck check)
    {
        if (check.Problem(SourceEdits.Apply(text, sites)) is null) return sites;
        var kept = new List<CandidateSite>();
        foreach (var s in sites)
            if (check.Problem(SourceEdits.Apply(text, [.. kept, s])) is null) kept.Add(s);
        return kept;
    }

    private static TokenNormaliser Normaliser(List<CandidateSite> sites, CodeLanguage language)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var imports = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < sites.Count; i++)
        {
            var s = sites[i];
            // A scoped rename (version 2) shares its name with other scopes: the name reads as one token wherever it stands.
            if (s.Renames) names[s.Variant0] = names[s.Variant1] = s.Scoped || names.ContainsKey(s.Variant0) ? $"local:{s.Variant0}" : $"local#{i}";
            if (s.Renames)
                foreach (var n in s.Choice?.Names ?? []) names[n] = $"local:{s.Variant0}";
            if (s.Kind == SiteKinds.ImportOrder)
                foreach (var t in Tokenize(s.Variant0, language).Where(t => t.Kind == TokenKind.ImportLine)) imports[t.Raw] = $"imports#{i}";
        }
        return new TokenNormaliser(names, imports);
    }

    private static (TokenView Code, TokenView Full) Views(string text, CodeLanguage language, TokenNormaliser normaliser, bool lines = false)
    {
        var tokens = lines ? TokenizeLines(text, language) : Tokenize(text, language);
        return (new TokenView(tokens, false, normaliser), new TokenView(tokens, true, normaliser));
    }

    /// <summary>
    /// The reader of a site, or null when it cannot be read without risk: its surroundings match
    /// elsewhere (even loosely) in the all-0 or the all-1 copy, or its variants look the same.
    /// </summary>
    private static ContextSite? ReaderOf(string text, CandidateSite site, CodeLanguage language, TokenNormaliser normaliser,
        (TokenView Code, TokenView Full) zero, (TokenView Code, TokenView Full) one,
        ((TokenView Code, TokenView Full) Zero, (TokenView Code, TokenView Full) One) byLine)
    {
        var edit = site.Edits[0];
        var flipped = Views(SourceEdits.Apply(text, [site]), language, normaliser);
        var (first, count) = zero.Full.Overlapping(edit.Start, edit.End);
        if (count == 0) return null;
        var inComments = zero.Full.Tokens.Skip(first).Take(count).All(t => t.IsComment);
        var view0 = inComments ? zero.Full : zero.Code;
        var view1 = inComments ? flipped.Full : flipped.Code;
        var (a, n) = view0.Overlapping(edit.Start, edit.End);
        var (b, m) = view1.Overlapping(edit.Start, edit.Start + edit.Text1.Length);
        if (n == 0 || m == 0) return null;
        var v0 = view0.Raw[a..(a + n)];
        var v1 = view1.Raw[b..(b + m)];
        if (v0.SequenceEqual(v1)) return null;
        var left = view0.Norm[Math.Max(0, a - ContextSite.Width)..a];
        var right = view0.Norm[(a + n)..Math.Min(view0.Norm.Length, a + n + ContextSite.Width)];
        var reader = new ContextSite([v0, v1], left, right, inComments);
        var flippedText = SourceEdits.Apply(text, [site]);
        // Whole, the site must be found exactly once, loosely; line by line it may be missed but never confused.
        var checks = new[]
        {
            (zero, 0, true), (one, 1, true), (flipped, 1, true),
            (byLine.Zero, 0, false), (byLine.One, 1, false), (Views(flippedText, language, normaliser, lines: true), 1, false),
        };
        foreach (var (views, expected, mustFind) in checks)
        {
            var view = inComments ? views.Full : views.Code;
            var loose = reader.Find(view, relaxed: true);
            var read = reader.Read(view);
            if (loose.Count > 1 || loose.Any(f => f.Variant != expected) || (read is { } r && r != expected)) return null;
            if (mustFind && (loose.Count != 1 || read != expected)) return null;
        }
        return reader;
    }
}
