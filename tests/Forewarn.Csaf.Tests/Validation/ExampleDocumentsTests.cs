using Forewarn.Csaf.Validation;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>The CSAF TC's example advisories and VEX documents (examples/csaf/**) are all valid.</summary>
public sealed class ExampleDocumentsTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(StandardsData.Examples, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(StandardsData.Examples, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_is_valid(string example)
    {
        var validation = CsafValidator.Validate(File.ReadAllText(Path.Combine(StandardsData.Examples, example)));

        Assert.True(validation.IsValid, $"{example} failed:{Environment.NewLine}{string.Join(Environment.NewLine, validation.Failures)}");
    }

    [Fact]
    public void The_provider_metadata_example_is_valid()
    {
        var file = Directory.GetFiles(StandardsData.ProviderMetadataExamples, "*.json").Single();
        var validation = CsafValidator.ValidateProviderMetadata(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!);

        Assert.True(validation.IsValid, string.Join(Environment.NewLine, validation.Failures));
    }
}
