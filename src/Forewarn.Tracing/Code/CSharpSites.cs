using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Forewarn.Tracing.Code;

/// <summary>
/// The sites Forewarn finds in a C# PoC with Roslyn: int literals decimal ↔ hex, strings regular ↔
/// verbatim where both read the same, comment wording in `//` comments, order of two adjacent plain
/// `using` directives, and names of locals (renamed only where the semantic model shows every use
/// of the name in the file is that local, and the new name is used nowhere).
/// </summary>
internal static partial class CSharpSites
{
    public static List<CandidateSite> Find(string text, CSharpCompilation compilation, int version = MarkerVersion.First)
    {
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var sites = new List<CandidateSite>();
        foreach (var token in root.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.NumericLiteralToken) && token.Value is int v && v >= 2)
            {
                var alt = PythonLexer.DecimalPattern().IsMatch(token.Text) ? "0x" + v.ToString("X", CultureInfo.InvariantCulture)
                    : PythonLexer.HexPattern().IsMatch(token.Text) ? v.ToString(CultureInfo.InvariantCulture) : null;
                if (alt is not null) sites.Add(Single(SiteKinds.IntegerForm, token.SpanStart, token.Text, alt));
            }
            else if (token.IsKind(SyntaxKind.StringLiteralToken) && token.Parent is LiteralExpressionSyntax && CSharpLexer.StringContent(token.Text) is { } content)
            {
                var alt = token.Text.StartsWith('@') ? $"\"{content}\"" : $"@\"{content}\"";
                sites.Add(Single(SiteKinds.QuoteStyle, token.SpanStart, token.Text, alt));
            }
        }
        foreach (var trivia in root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia)))
        {
            foreach (Match w in WordPattern().Matches(trivia.ToString()))
                if (CommentSynonyms.Alternative(w.Value) is { } alt)
                    sites.Add(Single(SiteKinds.CommentWord, trivia.SpanStart + w.Index, w.Value, alt));
        }
        sites.AddRange(UsingPairs(text, root));
        sites.AddRange(Locals(root, model));
        if (version >= 2) sites.AddRange(CSharpOrderSites.Find(text, root, model));
        return sites;
    }

    private static CandidateSite Single(string kind, int start, string text, string alt) =>
        new(kind, [new SiteEdit(start, text.Length, alt)], text, alt);

    private static IEnumerable<CandidateSite> UsingPairs(string text, SyntaxNode root)
    {
        var groups = new List<SyntaxList<UsingDirectiveSyntax>> { ((CompilationUnitSyntax)root).Usings };
        groups.AddRange(root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Select(n => n.Usings));
        foreach (var group in groups)
        {
            for (var i = 0; i + 1 < group.Count; i++)
            {
                UsingDirectiveSyntax a = group[i], b = group[i + 1];
                if (!Plain(a) || !Plain(b)) continue;
                var between = text[a.Span.End..b.SpanStart];
                if (between.Count(c => c == '\n') != 1 || between.Trim().Length != 0) continue;
                var original = text[a.SpanStart..b.Span.End];
                var swapped = text[b.SpanStart..b.Span.End] + between + text[a.SpanStart..a.Span.End];
                yield return new CandidateSite(SiteKinds.ImportOrder, [new SiteEdit(a.SpanStart, original.Length, swapped)], original, swapped);
                i++;
            }
        }
    }

    private static bool Plain(UsingDirectiveSyntax u) =>
        u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.None) && u.UnsafeKeyword.IsKind(SyntaxKind.None);

    private static IEnumerable<CandidateSite> Locals(SyntaxNode root, SemanticModel model)
    {
        var identifiers = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        var used = identifiers.Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);
        var declarations = root.DescendantNodes().Where(n => n is VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax or ForStatementSyntax or UsingStatementSyntax } or ForEachStatementSyntax);
        foreach (var node in declarations)
        {
            if (model.GetDeclaredSymbol(node) is not ILocalSymbol local) continue;
            var declared = node is VariableDeclaratorSyntax d ? d.Identifier : ((ForEachStatementSyntax)node).Identifier;
            var name = declared.Text;
            if (name != local.Name || name == "_") continue;
            var occurrences = identifiers.Where(t => t.ValueText == name).ToList();
            var all = occurrences.All(t => t == declared || (t.Parent is IdentifierNameSyntax id && t.Text == name && !InNameof(id)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id).Symbol, local)));
            if (!all) continue;
            var alt = LocalNames.For(name, CodeLanguage.CSharp).FirstOrDefault(m =>
                !used.Contains(m) && SyntaxFacts.GetKeywordKind(m) == SyntaxKind.None && SyntaxFacts.GetContextualKeywordKind(m) == SyntaxKind.None);
            if (alt is null) continue;
            used.Add(alt);
            var edits = occurrences.Select(t => new SiteEdit(t.SpanStart, name.Length, alt)).ToList();
            yield return new CandidateSite(SiteKinds.LocalName, edits, name, alt);
        }
    }

    private static bool InNameof(SyntaxNode node) =>
        node.Ancestors().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is IdentifierNameSyntax { Identifier.Text: "nameof" });

    [GeneratedRegex(@"[A-Za-z]+")]
    private static partial Regex WordPattern();
}
