using System.Diagnostics;
using Forewarn.Tracing.Code;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// A version-2 copy never breaks what is reached by name: exported names (<c>__all__</c>), names in
/// strings given to <c>getattr</c>/<c>setattr</c>/<c>hasattr</c>, <c>globals()</c>, parameters, keyword
/// arguments' names and dunders stay as written, a callee that keeps keyword order (<c>dict</c>, a
/// class taking <c>**</c>) keeps it, a definition another's default names keeps its place, and every
/// copy runs to the same output as the original.
/// </summary>
public sealed class CodeRenameSafetyTests
{
    private const string Poc = """
        import json
        import sys

        __all__ = ["helper", "use"]
        LIMIT = 3
        GREETING = 'hi'


        def helper(value):
            result = value * 2
            return result


        def lookup(obj):
            name = "result"
            found = getattr(obj, name)
            setattr(obj, "count", 1)
            return found, globals()["helper"](2), hasattr(obj, "count")


        def use(data):
            count = len(data)
            total = 0
            for item in data:
                total += item
            print(f"{count} items, total {total}", sep=" ", end="\n")
            return dict(count=count, total=total)


        class Box:
            result = 5


        def first(x=None):
            return x


        def second(f=first):
            return f(1)


        class Bag:
            def __init__(self, **kw):
                self.keys = list(kw)


        print(json.dumps(use([1, 2, LIMIT]), sort_keys=False), lookup(Box()), helper(4), GREETING, sys.version_info[0] > 2)
        print(Bag(a=1, b=2).keys, second(), dict(x=1, y=2))
        """;

    [Fact]
    public void Names_reached_from_outside_stay_and_every_copy_runs_as_the_original()
    {
        var marked = CodeMarks.Prepare(Poc, CodeLanguage.Python, MarkerVersion.Current);
        Assert.Contains(marked.Sites, s => s.Kind == "local-name");
        Assert.DoesNotContain(marked.Sites, s => s.Kind == "definition-order" && s.Variant0.Contains("second", StringComparison.Ordinal));
        var expected = Run(Poc);
        var random = new Random(16);
        var words = new List<byte[]>();
        words.Add([.. Enumerable.Repeat((byte)1, marked.Sites.Count)]);
        words.AddRange(Enumerable.Range(0, 4).Select(_ => CodeSamples.RandomWord(random, marked.Sites.Count)));
        foreach (var word in words)
        {
            var copy = marked.Render(word);
            foreach (var kept in new[] { "__all__ = [\"helper\", \"use\"]", "def helper(value):", "def lookup(obj):", "def use(data):", "getattr(obj, ", "\"count\"", "globals()[\"helper\"]", "dict(count=", ", total=", "class Box:", "    result = ", "\"result\"", "Bag(a=1, b=", "dict(x=1, y=" })
                Assert.Contains(kept, copy.Replace('\'', '"'), StringComparison.Ordinal); // quote style is a mark of its own
            Assert.Equal(word.Select(b => (byte?)b), marked.Read(copy));
            Assert.Equal(expected, Run(copy));
        }
    }

    private static string Run(string source)
    {
        var start = new ProcessStartInfo("python3", ["-c", "import sys; exec(compile(sys.stdin.read(), '<poc>', 'exec'))"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(source);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }
}
