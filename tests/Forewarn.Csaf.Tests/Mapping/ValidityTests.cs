using System.Text.Json.Nodes;
using Forewarn.Csaf.Mapping;
using Xunit.Sdk;

namespace Forewarn.Csaf.Tests.Mapping;

/// <summary>The check the export tests rely on accepts the official examples and refuses broken documents.</summary>
public sealed class ValidityTests
{
    [Fact]
    public void An_official_security_advisory_passes() => Validity.Assert(Standards.Example("bsi-2022-0001.json"));

    [Theory]
    [InlineData("/document/tracking/version", "\"x\"")]
    [InlineData("/document/tracking/status", "\"final\"")]
    [InlineData("/document/distribution/tlp/label", "\"CLEAR\"")]
    public void A_broken_export_fails(string pointer, string value)
    {
        var d = CsafExport.Embargoed(Fixture.Draft(), [], Fixture.Publisher, Fixture.Now);
        var parts = pointer.Trim('/').Split('/');
        var parent = parts[..^1].Aggregate((JsonNode)d, (n, p) => n[p]!);
        parent[parts[^1]] = JsonNode.Parse(value);
        if (pointer.EndsWith("status", StringComparison.Ordinal)) d["document"]!["tracking"]!["version"] = "0";

        Assert.Throws<TrueException>(() => Validity.Assert(d));
    }
}
