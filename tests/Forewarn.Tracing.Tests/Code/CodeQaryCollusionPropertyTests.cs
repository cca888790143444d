using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Trace;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// Colluders who interleave their copies of a PoC with q-ary templates (the demo's, 29 templates of
/// eight variants): every template read shows one colluder's variant — all its bits from one copy,
/// within the marking assumption — and no innocent is accused, over random secrets, populations,
/// collusions of two to four and runs of lines.
/// </summary>
public sealed class CodeQaryCollusionPropertyTests
{
    private const double Epsilon = 1e-6;

    private static readonly Lazy<(IMarkedArtifact Marked, List<CodeQaryTemplateTests.Template> Templates)> Demo = new(() =>
    {
        var marked = CodeSamples.Demo;
        return (marked, CodeQaryTemplateTests.TemplatesOf(CodeSamples.Load("Samples.toolpane_poc.py"), marked));
    });

    public sealed record Leak(int Seed, int Population, int Colluders, int LongestRun);

    private static Arbitrary<Leak> Leaks() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from population in Gen.Choose(10, 300)
         from colluders in Gen.Choose(2, 4)
         from longest in Gen.Choose(1, 8)
         select new Leak(seed, population, colluders, longest)).ToArbitrary();

    [Property(MaxTest = 25)]
    public Property Interleaved_copies_show_one_colluders_variant_per_template_and_accuse_no_innocent() =>
        Prop.ForAll(Leaks(), l =>
        {
            var (marked, templates) = Demo.Value;
            var random = new Random(l.Seed);
            var secret = new byte[32];
            random.NextBytes(secret);
            var key = $"demo-poc-{l.Seed}";
            var code = TardosCode.ForArtifact(secret, key, marked.Sites.Count);
            var names = Enumerable.Range(0, l.Population).Select(j => $"partner-{j}").ToArray();
            var guilty = names.OrderBy(_ => random.Next()).Take(l.Colluders).ToArray();
            var words = guilty.Select(g => code.CodewordOf(secret, key, g)).ToArray();
            var copies = words.Select(w => marked.Render(w).Split('\n')).ToArray();
            var leaked = new List<string>();
            for (int line = 0, source = 0, run = 0; line < copies[0].Length; line++, run--)
            {
                if (run <= 0) { source = random.Next(copies.Length); run = random.Next(1, l.LongestRun + 1); }
                leaked.Add(copies[source][line]);
            }
            var read = marked.Read(string.Join('\n', leaked));
            var foreign = templates.Where(t => t.IndexIn(read) is { } index && !words.Any(w => t.IndexIn([.. w.Select(b => (byte?)b)]) == index)).ToList();
            var result = Tracer.Score([new CodedArtifact(key, marked, code)], [read], secret, names, Epsilon);
            return (foreign.Count == 0 && result.Accused.All(a => guilty.Contains(a.Recipient)))
                .Label($"templates read with no colluder's variant: {foreign.Count}; accused {string.Join(", ", result.Accused.Select(a => a.Recipient))}; guilty {string.Join(", ", guilty)}");
        });
}
