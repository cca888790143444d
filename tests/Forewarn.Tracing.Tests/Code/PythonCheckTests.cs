using Forewarn.Tracing.Code;

namespace Forewarn.Tracing.Tests.Code;

/// <summary>
/// The Python check answers as CPython's compile of the whole copy does, whether it compiles the
/// copy whole, statement by statement from its cache, or in a worker: sources that compile only
/// statement by statement (a late __future__ import, a module-level global after use) are refused.
/// </summary>
public sealed class PythonCheckTests
{
    private static readonly PythonCheck Check = PythonCheck.ForOriginal("x = 1\n");

    public static TheoryData<string, bool> Sources => new()
    {
        { "import sys\n\ndef f(a):\n    return a\n\n@staticmethod\ndef g():\n    pass\n", true },
        { "x = 1\nfrom __future__ import annotations\n", false },
        { "x = 1\n\ndef f():\n    pass\nglobal x\n", false },
        { "def f(a, a):\n    pass\n\ny = 2\n", false },
        { "s = \"\"\"\nnot code (\n\"\"\"\nif s:\n    pass\nelse:\n    pass\n", true },
        { "t = (1,\n2)\nu = [\n]\nv = 3 + \\\n4\n", true },
        { "def f():\n    return 1\n\ndef g(:\n    pass\n", false },
        { "try:\n    pass\nexcept ValueError:\n    pass\nfinally:\n    pass\nreturn 5\n", false },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Answers_as_the_whole_compile_does_first_time_and_from_its_cache(string source, bool compiles)
    {
        Assert.Equal(compiles, CodeSamples.PythonParses(source) && Check.Problem(source) is null);
        Assert.Equal(compiles, Check.Problem(source) is null); // the second time, runs come from the cache
    }

    [Fact]
    public void Copies_of_the_sample_that_differ_in_one_statement_are_told_apart()
    {
        var sample = CodeSamples.Python;
        Assert.Null(Check.Problem(sample));
        var broken = sample.Replace("def log(level, text):", "def log(level, text:", StringComparison.Ordinal);
        Assert.NotEqual(sample, broken);
        Assert.Contains("SyntaxError", Check.Problem(broken), StringComparison.Ordinal); // the whole check states what
        Assert.Null(Check.Problem(sample + "\n\nextra = 1\n"));
    }

    [Fact]
    public void Top_level_statements_are_cut_only_where_a_statement_starts()
    {
        var runs = PythonStatements.Split("@dec\ndef f():\n    x = '''\ny\n'''\n# note\nclass C:\n    pass\nelse_ = (1,\n2)\n");
        Assert.Equal(["@dec\ndef f():\n    x = '''\ny\n'''\n# note\n", "class C:\n    pass\n", "else_ = (1,\n2)\n"], runs);
    }
}
