using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Forewarn.Csaf.Validation;

namespace Forewarn.Benchmarks.Csaf;

/// <summary>
/// CSAF 2.0 validation throughput: the JSON schema and every mandatory test of section 6.1 over all of
/// the CSAF TC's example documents (<c>tests/standards/csaf-2.0/examples/csaf/**</c>, 19 advisories and
/// VEX documents of 3 to 130 KB, 260 KB in all), loaded once. With <c>OperationsPerInvoke</c> set to the number of
/// documents, Mean is the time to validate one document and Op/s is documents per second on one thread.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DocumentsConfig))]
public class CsafValidationBenchmarks
{
    /// <summary>The number of example documents the TC publishes for CSAF 2.0.</summary>
    public const int Documents = 19;

    private string[] texts = [];
    private JsonNode[] nodes = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = ExamplesFolder();
        texts = [.. Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        if (texts.Length != Documents)
            throw new InvalidOperationException($"Expected {Documents} example documents in {folder}, found {texts.Length}.");
        nodes = [.. texts.Select(t => JsonNode.Parse(t)!)];
        var invalid = texts.Count(t => !CsafValidator.Validate(t).IsValid);
        if (invalid > 0)
            throw new InvalidOperationException($"{invalid} example documents do not validate; the benchmark measures valid documents.");
        Console.WriteLine($"// {Documents} CSAF example documents, {texts.Sum(t => t.Length) / 1024} KB of JSON, from {folder}");
    }

    /// <summary>From JSON text, as an upload or a file arrives: parsing included.</summary>
    [Benchmark(OperationsPerInvoke = Documents, Baseline = true, Description = "Validate(text): schema + 6.1 tests")]
    public int FromText()
    {
        var failures = 0;
        foreach (var text in texts)
            failures += CsafValidator.Validate(text).Failures.Count;
        return failures;
    }

    /// <summary>From an already parsed document, as an export checks what it just built.</summary>
    [Benchmark(OperationsPerInvoke = Documents, Description = "Validate(JsonNode): schema + 6.1 tests")]
    public int FromNode()
    {
        var failures = 0;
        foreach (var node in nodes)
            failures += CsafValidator.Validate(node).Failures.Count;
        return failures;
    }

    private static string ExamplesFolder()
    {
        if (Environment.GetEnvironmentVariable("FOREWARN_STANDARDS") is { Length: > 0 } configured)
            return Path.Combine(configured, "csaf-2.0", "examples", "csaf");
        // BenchmarkDotNet runs the benchmark from a generated folder below bin/, still inside the repository.
        return Forewarn.Tests.Standards.CsafStandards.Examples;
    }

    /// <summary>Adds Op/s (documents per second), the median and the minimum.</summary>
    public sealed class DocumentsConfig : ManualConfig
    {
        public DocumentsConfig()
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.OperationsPerSecond);
        }
    }
}
