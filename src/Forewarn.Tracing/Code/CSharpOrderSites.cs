using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Forewarn.Tracing.Code;

/// <summary>
/// Version-2 C# sites in orders that mean nothing to the compiler and that formatting and comment
/// removal keep: two adjacent methods of a class or record (no attributes, not partial), two
/// adjacent constants (a constant's value does not depend on where it is declared), two adjacent
/// local functions, and two adjacent named arguments of a trailing run whose values are literals,
/// locals, parameters or constants (evaluating them in another order changes nothing).
/// </summary>
internal static class CSharpOrderSites
{
    public static IEnumerable<CandidateSite> Find(string text, SyntaxNode root, SemanticModel model)
    {
        var sites = new List<CandidateSite>();
        foreach (var type in root.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t is ClassDeclarationSyntax or RecordDeclarationSyntax))
            sites.AddRange(Pairs(text, type.Members, m => m switch
            {
                MethodDeclarationSyntax method when method.AttributeLists.Count == 0 && !method.Modifiers.Any(SyntaxKind.PartialKeyword) => (SiteKinds.DefinitionOrder, method.Identifier.Text),
                FieldDeclarationSyntax field when field.AttributeLists.Count == 0 && field.Modifiers.Any(SyntaxKind.ConstKeyword) => (SiteKinds.StatementOrder, field.Declaration.Variables[0].Identifier.Text),
                _ => default,
            }));
        foreach (var block in root.DescendantNodes().OfType<BlockSyntax>())
            sites.AddRange(Pairs(text, block.Statements, s => s is LocalFunctionStatementSyntax { AttributeLists.Count: 0 } f ? (SiteKinds.DefinitionOrder, f.Identifier.Text) : default));
        foreach (var list in root.DescendantNodes().OfType<ArgumentListSyntax>())
            sites.AddRange(NamedArguments(list, model));
        return sites;
    }

    private static IEnumerable<CandidateSite> Pairs<T>(string text, SyntaxList<T> nodes, Func<T, (string? Kind, string? Name)> eligible) where T : SyntaxNode
    {
        for (var i = 0; i + 1 < nodes.Count; i++)
        {
            var (kindA, nameA) = eligible(nodes[i]);
            var (kindB, nameB) = eligible(nodes[i + 1]);
            if (kindA is null || kindA != kindB || nameA == nameB) continue;
            yield return Swap(kindA, Start(text, nodes[i]), nodes[i].Span.End, Start(text, nodes[i + 1]), nodes[i + 1].Span.End, nameA!, nameB!);
            i++;
        }
    }

    /// <summary>Where a member's own text begins: its comments and indentation, not the blank lines before it.</summary>
    private static int Start(string text, SyntaxNode node)
    {
        var at = node.FullSpan.Start;
        while (true)
        {
            var eol = text.IndexOf('\n', at);
            if (eol < 0 || eol >= node.SpanStart || text.AsSpan(at, eol - at).Trim().Length != 0) return at;
            at = eol + 1;
        }
    }

    private static CandidateSite Swap(string kind, int aStart, int aEnd, int bStart, int bEnd, string a, string b) =>
        new(kind, [], $"{a}, {b}", $"{b}, {a}") { Swap = new SwapRegion(aStart, aEnd, bStart, bEnd) };

    private static IEnumerable<CandidateSite> NamedArguments(ArgumentListSyntax list, SemanticModel model)
    {
        var args = list.Arguments;
        var firstNamed = args.Count;
        while (firstNamed > 0 && args[firstNamed - 1].NameColon is not null) firstNamed--;
        for (var i = firstNamed; i + 1 < args.Count; i += 2)
        {
            ArgumentSyntax a = args[i], b = args[i + 1];
            if (!Plain(a, model) || !Plain(b, model)) continue;
            yield return Swap(SiteKinds.ArgumentOrder, a.SpanStart, a.Span.End, b.SpanStart, b.Span.End, a.NameColon!.Name.Identifier.Text, b.NameColon!.Name.Identifier.Text);
        }
    }

    private static bool Plain(ArgumentSyntax argument, SemanticModel model) =>
        argument.RefKindKeyword.IsKind(SyntaxKind.None) && argument.Expression switch
        {
            LiteralExpressionSyntax => true,
            IdentifierNameSyntax id => model.GetSymbolInfo(id).Symbol is ILocalSymbol or IParameterSymbol or IFieldSymbol { IsConst: true },
            _ => false,
        };
}
