using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;

namespace Forewarn.Stix.Tests.Schema;

/// <summary>The schema check can fail: otherwise "valid" would prove nothing.</summary>
public sealed class SchemaControlTests
{
    [Fact]
    public void An_indicator_without_a_pattern_and_a_bad_id_is_refused()
    {
        var broken = JsonNode.Parse("""
            {"type":"indicator","spec_version":"2.1","id":"indicator--123","created":"2026-01-01T00:00:00.000Z",
             "modified":"2026-01-01T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}
            """)!;
        Assert.NotEmpty(StixSchemas.Errors(broken));
    }

    [Fact]
    public void A_tlp_definition_with_a_wrong_extension_type_is_refused()
    {
        var wrong = TlpMarkings.Definition(TlpLabel.Red);
        wrong["extensions"]![TlpMarkings.ExtensionId]!["extension_type"] = "no-such-extension";
        Assert.NotEmpty(StixSchemas.Errors(wrong));
    }
}
