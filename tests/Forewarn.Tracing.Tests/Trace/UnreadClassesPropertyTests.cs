using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Tests.Text;
using Forewarn.Tracing.Text;
using Forewarn.Tracing.Trace;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Forewarn.Tracing.Tests.Trace;

/// <summary>
/// Setting normalised classes aside is decided from the leak's reads alone, so the accusation
/// bound still holds: over random secrets, populations, collusions and attacks — the standard
/// ones, misreads, and a careful leaker normalising whole classes or kinds — no innocent is
/// accused, and the sites set aside never depend on a secret, a population or a codeword.
/// </summary>
public sealed class UnreadClassesPropertyTests
{
    private const double Epsilon = 1e-6;

    /// <summary>What happens to the colluders' marks; the first five are the standard attacks.</summary>
    public enum LeakAttack { Interleave, Majority, Minority, RandomPerMark, MajorityWithDeletion, Reorder }

    /// <summary>Two real artifacts of one advisory: the sample texts as one (88 sites) and the demo description (48).</summary>
    private static readonly Lazy<MarkedText[]> Artifacts = new(() =>
        [TextMarks.Prepare(string.Join("\n\n", SampleAdvisories.All)), TextMarks.Prepare(DemoAdvisoryTexts.Description)]);

    public sealed record Leak(int Seed, int Population, int Colluders, LeakAttack Attack, int Normalise);

    private static Arbitrary<Leak> Leaks() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from population in Gen.Choose(10, 300)
         from colluders in Gen.Choose(1, 4)
         from attack in Gen.Elements(Enum.GetValues<LeakAttack>())
         from normalise in Gen.Choose(0, 3) // 0: none, 1: some classes, 2: some kinds, 3: every class
         select new Leak(seed, population, colluders, attack, normalise)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property No_innocent_is_accused_whatever_the_colluders_and_the_normaliser_do() =>
        Prop.ForAll(Leaks(), l =>
        {
            var random = new Random(l.Seed);
            var secret = new byte[32];
            random.NextBytes(secret);
            var names = Enumerable.Range(0, l.Population).Select(j => $"partner-{j}").ToArray();
            var guilty = names.OrderBy(_ => random.Next()).Take(l.Colluders).ToHashSet();
            var artifacts = Artifacts.Value.Select((a, k) => new CodedArtifact($"artifact-{l.Seed}-{k}", a, TardosCode.ForArtifact(secret, $"artifact-{l.Seed}-{k}", a.Sites.Count))).ToArray();
            var reads = artifacts.Select(a =>
            {
                var copies = guilty.Select(g => a.Code.CodewordOf(secret, a.Key, g)).ToArray();
                var forged = Forge(copies, l.Attack, random);
                return (IReadOnlyList<byte?>)Normalise(a.Marks.Sites, forged, l.Normalise, random);
            }).ToArray();
            var result = Tracer.Score(artifacts, reads, secret, names, Epsilon);
            return result.Accused.All(a => guilty.Contains(a.Recipient))
                .Label($"accused {string.Join(", ", result.Accused.Select(a => a.Recipient))}; guilty {string.Join(", ", guilty)}");
        });

    [Property(MaxTest = 40)]
    public Property What_is_set_aside_depends_on_the_reads_alone() =>
        Prop.ForAll(Leaks(), l =>
        {
            var random = new Random(l.Seed);
            var marked = Artifacts.Value[l.Seed % 2];
            var sites = marked.Sites;
            var read = Normalise(sites, [.. sites.Select(_ => random.Next(5) == 0 ? (byte?)null : (byte)random.Next(2))], l.Normalise, random);
            var decision = UnreadClasses.Decide(sites, read);

            // The same reads in another list give the same decision; so do the same forms with the variants numbered the other way.
            var again = UnreadClasses.Decide(sites, read.ToList());
            var swapped = sites.Select(s => new MarkSite(s.Kind, s.Variant1, s.Variant0) { Class = s.Class, Form0 = s.Form1, Form1 = s.Form0 }).ToArray();
            var relabelled = UnreadClasses.Decide(swapped, [.. read.Select(r => r is { } v ? (byte?)(1 - v) : null)]);

            // Scoring under two secrets and two populations: the marks counted are the same, and exactly those Apply keeps.
            var kept = UnreadClasses.Apply(sites, read).Count(r => r is not null);
            var counted = new[] { 7, 8 }.Select(s =>
            {
                var secret = Enumerable.Range(s, 32).Select(i => (byte)i).ToArray();
                var coded = new CodedArtifact("a", marked, TardosCode.ForArtifact(secret, "a", sites.Count));
                var names = Enumerable.Range(0, l.Population + s).Select(j => $"p{j}").ToArray();
                return Tracer.Score([coded], [read], secret, names, Epsilon).MarksRead;
            }).ToArray();

            return (decision.Sites.SequenceEqual(again.Sites) && decision.Classes.SequenceEqual(again.Classes) && decision.Kinds.SequenceEqual(again.Kinds))
                .Label("same reads, same decision")
                .And(decision.Sites.SequenceEqual(relabelled.Sites).Label("forms, not variant numbers"))
                .And(counted.All(c => c == kept).Label($"marks counted {string.Join("/", counted)}, kept {kept}"))
                .And(decision.Sites.All(i => read[i] is not null).Label("only read sites are set aside"));
        });

    /// <summary>The colluders' forged marks under the marking assumption (where their copies agree they cannot change it).</summary>
    private static byte?[] Forge(byte[][] copies, LeakAttack attack, Random random)
    {
        var sites = copies[0].Length;
        var forged = new byte?[sites];
        var source = 0;
        var runLeft = 0;
        for (var i = 0; i < sites; i++)
        {
            if (--runLeft <= 0) { source = random.Next(copies.Length); runLeft = random.Next(1, 7); }
            var ones = copies.Count(c => c[i] == 1);
            forged[i] = ones == 0 || ones == copies.Length ? copies[0][i] : attack switch
            {
                LeakAttack.Interleave or LeakAttack.Reorder => copies[source][i],
                LeakAttack.Majority or LeakAttack.MajorityWithDeletion => (byte)(2 * ones > copies.Length ? 1 : 2 * ones < copies.Length ? 0 : random.Next(2)),
                LeakAttack.Minority => (byte)(2 * ones < copies.Length ? 1 : 2 * ones > copies.Length ? 0 : random.Next(2)),
                _ => copies[random.Next(copies.Length)][i],
            };
        }
        if (attack == LeakAttack.MajorityWithDeletion)
            for (var i = 0; i < sites; i++) if (random.NextDouble() < 0.3) forged[i] = null;
        if (attack == LeakAttack.Reorder)
        {
            // Sentences moved around and read against the wrong context: marks land on other sites nearby.
            for (var i = 0; i + 1 < sites; i++) if (random.Next(4) == 0) (forged[i], forged[i + 1]) = (forged[i + 1], forged[i]);
        }
        return forged;
    }

    /// <summary>A careful leaker on the marks: some classes, some kinds or everything set to one form.</summary>
    private static byte?[] Normalise(IReadOnlyList<MarkSite> sites, byte?[] read, int how, Random random)
    {
        if (how == 0) return read;
        var classes = sites.Select(s => s.Class).Distinct().ToArray();
        var kinds = sites.Select(UnreadClasses.KindOf).Distinct().ToArray();
        var chosenClasses = classes.Where(_ => how == 3 || (how == 1 && random.Next(2) == 0)).ToHashSet();
        var chosenKinds = kinds.Where(_ => how == 2 && random.Next(2) == 0).ToHashSet();
        var form = classes.ToDictionary(c => c, _ => random.Next(2));
        var normalised = read.ToArray();
        for (var i = 0; i < sites.Count; i++)
        {
            if (normalised[i] is null || !(chosenClasses.Contains(sites[i].Class) || chosenKinds.Contains(UnreadClasses.KindOf(sites[i])))) continue;
            // The class's chosen form, whichever variant number carries it at this site.
            var target = form[sites[i].Class] == 0 ? sites.First(s => s.Class == sites[i].Class).Form0 : sites.First(s => s.Class == sites[i].Class).Form1;
            normalised[i] = sites[i].Form0 == target ? (byte)0 : (byte)1;
        }
        return normalised;
    }
}
