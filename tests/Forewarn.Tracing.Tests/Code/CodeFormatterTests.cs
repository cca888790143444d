using Forewarn.Tracing.Code;
using Forewarn.Tracing.Tardos;
using Forewarn.Tracing.Trace;
using Xunit.Abstractions;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// The careful leaker (issue 16): one partner's copy of a PoC reformatted — the demo's Python PoC
/// through <c>ast.unparse(ast.parse(…))</c> and through Debian's black, the C# sample through
/// Roslyn's formatter after removing every comment — must still name its owner alone, among 300
/// recipients at ε = 10⁻⁶, for at least 19 of 20 recipients' copies (fixed secret). Counted twice:
/// with the tracer as it is (the library's <see cref="UnreadClasses"/>), and with a simple rule of
/// this test's own that sets aside a variant class every read site of which shows one form. The
/// target is asserted with the rule (version 2); the numbers without it are reported.
/// </summary>
public sealed class CodeFormatterTests(ITestOutputHelper output)
{
    private const int Population = 300;
    private const int Copies = 20;
    private const double Epsilon = 1e-6;

    public static TheoryData<string, CodeLanguage, int> Samples => new()
    {
        { "toolpane_poc.py", CodeLanguage.Python, 1 }, { "toolpane_poc.py", CodeLanguage.Python, 2 },
        { "halcyon_overflow.py", CodeLanguage.Python, 1 }, { "halcyon_overflow.py", CodeLanguage.Python, 2 },
        { "HalcyonOverflow.cs", CodeLanguage.CSharp, 1 }, { "HalcyonOverflow.cs", CodeLanguage.CSharp, 2 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sites_by_kind(string sample, CodeLanguage language, int version)
    {
        var source = CodeSamples.At(sample, version);
        var marked = CodeMarks.Prepare(source, language, version);
        var lines = source.TrimEnd('\n').Split('\n').Length;
        var kinds = string.Join(", ", marked.Sites.GroupBy(s => s.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}"));
        output.WriteLine($"{sample} v{version}: {marked.Sites.Count} sites in {lines} lines ({100.0 * marked.Sites.Count / lines:0.0} per 100 lines): {kinds}");
        Assert.True(marked.Sites.Count > 0);
    }

    [Fact]
    public void The_demo_PoC_after_ast_unparse_names_its_owner() => Named("toolpane_poc.py", CodeLanguage.Python, Formatters.AstUnparse);

    [Fact]
    public void The_demo_PoC_after_black_names_its_owner() => Named("toolpane_poc.py", CodeLanguage.Python, Formatters.Black, MarkerVersion.Current);

    [Fact]
    public void The_CSharp_sample_after_Roslyn_formatting_without_comments_names_its_owner() =>
        Named("HalcyonOverflow.cs", CodeLanguage.CSharp, copies => [.. copies.Select(Formatters.RoslynWithoutComments)]);

    /// <summary>
    /// One real <c>dotnet format whitespace</c> run (the SDK's own tool, about 5 s; skip with
    /// <c>--filter "Tool!=dotnet-format"</c>) over a copy stripped of comments and reindented with tabs.
    /// </summary>
    [Fact]
    [Trait("Tool", "dotnet-format")]
    public async Task A_CSharp_copy_after_dotnet_format_names_its_owner()
    {
        var secret = Enumerable.Range(0, 32).Select(i => (byte)(i * 11 + 1)).ToArray();
        var recipients = Enumerable.Range(0, Population).Select(j => $"partner-{j}").ToArray();
        var marked = CodeMarks.Prepare(CodeSamples.CSharp, CodeLanguage.CSharp, MarkerVersion.Current);
        var code = TardosCode.ForArtifact(secret, "cs-format", marked.Sites.Count);
        var owner = recipients[123];
        var stripped = Formatters.RoslynWithoutComments(marked.Render(code.CodewordOf(secret, "cs-format", owner)));
        var mangled = string.Join("\r\n", stripped.Split('\n').Select(l => l.TrimEnd('\r').Replace("    ", "\t", StringComparison.Ordinal) + "  "));
        var folder = Directory.CreateTempSubdirectory("fw-format-");
        try
        {
            var file = Path.Combine(folder.FullName, "Poc.cs");
            File.WriteAllText(file, mangled);
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", ["format", "whitespace", folder.FullName, "--folder"]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = System.Diagnostics.Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            using var minute = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(minute.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("dotnet format took more than a minute");
            }
            Assert.True(process.ExitCode == 0, await error);
            var formatted = File.ReadAllText(file);
            Assert.NotEqual(mangled, formatted);
            var result = Tracer.Trace(marked, code, secret, "cs-format", recipients, formatted, Epsilon);
            output.WriteLine($"dotnet format: {result.MarksRead} of {marked.Sites.Count} marks read; accused {string.Join(", ", result.Accused.Select(a => a.Recipient))}");
            Assert.Equal([owner], result.Accused.Select(a => a.Recipient));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Version 1 is measured too (for the record) unless only <paramref name="versions"/> are asked for (black is slow).</summary>
    private void Named(string sample, CodeLanguage language, Func<IReadOnlyList<string>, IReadOnlyList<string>> attack, params int[] versions)
    {
        var secret = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray();
        var recipients = Enumerable.Range(0, Population).Select(j => $"partner-{j}").ToArray();
        var owners = Enumerable.Range(0, Copies).Select(k => recipients[k * (Population / Copies)]).ToArray();
        foreach (var version in versions.Length > 0 ? versions : [MarkerVersion.First, MarkerVersion.Current])
        {
            var marked = CodeMarks.Prepare(CodeSamples.At(sample, version), language, version);
            var key = $"{sample}-v{version}";
            var code = TardosCode.ForArtifact(secret, key, marked.Sites.Count);
            var artifacts = new[] { new CodedArtifact(key, marked, code) };
            var leaks = attack([.. owners.Select(o => marked.Render(code.CodewordOf(secret, key, o)))]);
            int named = 0, namedUniform = 0, read = 0, wrong = 0;
            for (var k = 0; k < Copies; k++)
            {
                var word = code.CodewordOf(secret, key, owners[k]);
                var reads = marked.Read(leaks[k]);
                read += reads.Count(r => r is not null);
                wrong += reads.Where((r, i) => r is { } y && y != word[i]).Count();
                var plain = Tracer.Score(artifacts, [reads], secret, recipients, Epsilon);
                var uniform = Tracer.Score(artifacts, [UniformClassesUnread(marked.Sites, reads)], secret, recipients, Epsilon);
                Assert.All(plain.Accused.Concat(uniform.Accused), a => Assert.Equal(owners[k], a.Recipient));
                if (plain.AnyoneAccused) named++;
                if (uniform.AnyoneAccused) namedUniform++;
            }
            output.WriteLine($"{sample} v{version} ({marked.Sites.Count} sites): {read / Copies} marks read per copy, {wrong / (double)Copies:0.0} wrong; " +
                $"owner named alone in {named}/{Copies} as the tracer stands, {namedUniform}/{Copies} with uniform classes set aside");
            // Quote-style and integer-form sites read wrong once a formatter made them one form: only a
            // rule that sets such a class aside leaves the marks formatters cannot reach to speak.
            // The target holds for the tracer as served (the library's own rule), not only for the simple one beside it.
            if (version == MarkerVersion.Current)
                Assert.True(named >= Copies * 95 / 100, $"{named}/{Copies} named by the tracer");
        }
    }

    /// <summary>
    /// This test's own stand-in for the class rule (the library's is another part of issue 16): a
    /// class of at least two read sites all showing one form is set aside, decided from the reads alone.
    /// </summary>
    internal static IReadOnlyList<byte?> UniformClassesUnread(IReadOnlyList<MarkSite> sites, IReadOnlyList<byte?> reads)
    {
        var result = reads.ToArray();
        foreach (var group in Enumerable.Range(0, sites.Count).Where(i => reads[i] is not null).GroupBy(i => sites[i].Class))
        {
            var forms = group.Select(i => sites[i].FormOf(reads[i]!.Value)).Distinct().Count();
            if (group.Count() >= 2 && forms == 1)
                foreach (var i in group) result[i] = null;
        }
        return result;
    }
}
