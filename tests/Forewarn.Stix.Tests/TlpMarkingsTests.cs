using System.Text.Json.Nodes;
using Forewarn.Domain.Advisories;
using Forewarn.Stix.Tests.Schema;

namespace Forewarn.Stix.Tests;

/// <summary>
/// The five definitions must be exactly OASIS's (cti-stix-common-objects,
/// extension-definition-specifications/tlp-2.0 and objects/marking-definition/): consumers match them by id.
/// </summary>
public sealed class TlpMarkingsTests
{
    [Theory]
    [InlineData(TlpLabel.Clear, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP:CLEAR", "clear")]
    [InlineData(TlpLabel.Green, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN", "green")]
    [InlineData(TlpLabel.Amber, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP:AMBER", "amber")]
    [InlineData(TlpLabel.AmberStrict, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP:AMBER+STRICT", "amber+strict")]
    [InlineData(TlpLabel.Red, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP:RED", "red")]
    public void Each_label_is_the_official_definition(TlpLabel label, string id, string name, string level)
    {
        var official = JsonNode.Parse($$"""
            {
              "type": "marking-definition",
              "spec_version": "2.1",
              "id": "{{id}}",
              "created": "2022-10-01T00:00:00.000Z",
              "name": "{{name}}",
              "extensions": {
                "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": {
                  "extension_type": "property-extension",
                  "tlp_2_0": "{{level}}"
                }
              }
            }
            """);
        Assert.Equal(id, TlpMarkings.IdOf(label));
        Assert.True(JsonNode.DeepEquals(official, TlpMarkings.Definition(label)), TlpMarkings.Definition(label).ToJsonString());
        Assert.Equal(label, TlpMarkings.LabelOf(id));
    }

    [Fact]
    public void Every_definition_is_valid_against_the_official_schema()
    {
        foreach (var label in TlpMarkings.Labels)
            StixSchemas.AssertValid(TlpMarkings.Definition(label));
    }

    [Fact]
    public void The_five_ids_are_distinct_and_nothing_else_is_a_label()
    {
        Assert.Equal(5, TlpMarkings.Labels.Select(TlpMarkings.IdOf).Distinct().Count());
        Assert.Equal(Enum.GetValues<TlpLabel>().Length, TlpMarkings.Labels.Count);
        // TLP 1.0's WHITE definition is not a TLP 2.0 label.
        Assert.Null(TlpMarkings.LabelOf("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"));
    }
}
