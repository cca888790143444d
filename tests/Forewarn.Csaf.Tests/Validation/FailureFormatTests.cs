using System.Text.Json.Nodes;
using Forewarn.Csaf.Validation;
using Forewarn.Csaf.Validation.MandatoryTests.Support;
using Json.Pointer;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>What a failure looks like: a test id, a JSON pointer that resolves, and a sentence.</summary>
public sealed class FailureFormatTests
{
    [Fact]
    public void Every_failure_of_every_official_file_points_at_a_value_in_that_document()
    {
        foreach (var file in Directory.GetFiles(StandardsData.MandatoryTests, "*.json"))
        {
            var document = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var failure in CsafValidator.Validate(document).Failures)
            {
                Assert.True(JsonPointer.Parse(failure.Pointer).TryEvaluate(document, out _),
                    $"{Path.GetFileName(file)}: {failure} points at nothing.");
                Assert.EndsWith(".", failure.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("{ \"document\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("null")]
    public void Text_that_is_not_a_json_document_fails_with_a_json_failure_instead_of_throwing(string text)
    {
        var validation = CsafValidator.Validate(text);

        var failure = Assert.Single(validation.Failures);
        Assert.Equal(CsafFailure.Json, failure.Test);
        Assert.Equal("", failure.Pointer);
        Assert.False(validation.IsValid);
    }

    [Fact]
    public void A_minimal_base_document_is_valid()
    {
        var validation = CsafValidator.Validate(TestDocuments.Base());

        Assert.True(validation.IsValid, string.Join(Environment.NewLine, validation.Failures));
    }

    [Fact]
    public void Schema_failures_name_the_missing_property_at_its_parent()
    {
        var document = TestDocuments.Base();
        document["document"]!.AsObject().Remove("title");

        var failure = Assert.Single(CsafValidator.Validate(document).Failures);

        Assert.Equal(CsafFailure.Schema, failure.Test);
        Assert.Equal("/document", failure.Pointer);
        Assert.Contains("title", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_are_asserted_so_a_date_that_is_not_a_date_time_fails_the_schema()
    {
        var document = TestDocuments.Base();
        document["document"]!["tracking"]!["current_release_date"] = "yesterday";

        var validation = CsafValidator.Validate(document);

        var failure = Assert.Single(validation.Failures);
        Assert.Equal(CsafFailure.Schema, failure.Test);
        Assert.Equal("/document/tracking/current_release_date", failure.Pointer);
        Assert.Contains("\"yesterday\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_failures_are_leaves_and_are_not_repeated()
    {
        var document = TestDocuments.Base();
        document["product_tree"]!["full_product_names"]![0]!["product_id"] = 42;
        document["document"]!["category"] = "";

        var failures = CsafValidator.Validate(document).Failures;

        Assert.Equal(failures.Count, failures.Distinct().Count());
        Assert.Contains(failures, f => f.Test == CsafFailure.Schema && f.Pointer == "/product_tree/full_product_names/0/product_id");
        Assert.Contains(failures, f => f.Test == CsafFailure.Schema && f.Pointer == "/document/category");
        Assert.DoesNotContain(failures, f => f.Pointer == "");
    }

    [Fact]
    public void A_product_id_used_but_not_defined_is_reported_in_words_at_its_use()
    {
        var document = TestDocuments.Base();
        document["vulnerabilities"] = JsonNode.Parse("""[ { "product_status": { "fixed": [ "CSAFPID-9080700" ] } } ]""");

        var failure = Assert.Single(CsafValidator.Validate(document).Failures);

        Assert.Equal(new CsafFailure("6.1.1", "/vulnerabilities/0/product_status/fixed/0",
            "Product id CSAFPID-9080700 is used but never defined in the product tree."), failure);
    }

    [Fact]
    public void Pointers_escape_slashes_and_tildes_in_property_names()
    {
        Assert.Equal("/a~1b/c~0d/0", "".Property("a/b").Property("c~d").Index(0));
    }

    [Fact]
    public void Validation_is_safe_from_many_threads_at_once()
    {
        var texts = Directory.GetFiles(StandardsData.MandatoryTests, "*.json").Select(File.ReadAllText).ToArray();
        var once = texts.Select(t => CsafValidator.Validate(t).Failures.Count).ToArray();

        var parallel = new int[texts.Length];
        Parallel.For(0, texts.Length * 4, i => parallel[i % texts.Length] = CsafValidator.Validate(texts[i % texts.Length]).Failures.Count);

        Assert.Equal(once, parallel);
    }

    [Fact]
    public void The_suite_runs_every_mandatory_test_of_section_6_1_once()
    {
        var expected = Enumerable.Range(1, 33).Where(n => n != 27).Select(n => $"6.1.{n}")
            .Concat(Enumerable.Range(1, 11).Select(n => $"6.1.27.{n}"))
            .Order(StringComparer.Ordinal);

        var ids = Forewarn.Csaf.Validation.MandatoryTests.MandatoryTestSuite.All.Select(t => t.Id).ToList();

        Assert.Equal(expected, ids.Order(StringComparer.Ordinal));
    }
}
