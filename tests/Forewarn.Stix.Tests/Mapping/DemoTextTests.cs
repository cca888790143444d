using Forewarn.Domain.Advisories;
using Forewarn.Stix.Tests.Schema;
using Forewarn.Stix.Tests.TestData;

namespace Forewarn.Stix.Tests.Mapping;

public sealed class DemoTextTests
{
    [Fact]
    public void The_demo_detection_guidance_is_a_note_and_one_suricata_indicator()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var detection = Fixture.Artifact(advisory, ContentClass.Detection, DemoTexts.ReplayDetection, title: "Detection guidance");
        var objects = Fixture.Map(advisory, detection).Of(detection.Artifact.Id).ToList();
        Assert.Equal(DemoTexts.ReplayDetection, (string)objects.Single(o => (string)o["type"]! == "note")["content"]!);
        var indicator = Assert.Single(objects, o => (string)o["type"]! == "indicator");
        Assert.Equal("suricata", (string)indicator["pattern_type"]!);
        Assert.Equal("FW-2025-0708 ToolPane exploitation attempt", (string)indicator["name"]!);
        Assert.EndsWith("sid:9025070801; rev:1;)", (string)indicator["pattern"]!, StringComparison.Ordinal);
        Assert.All(objects, StixSchemas.AssertValid);
    }

    [Fact]
    public void The_demo_indicator_lists_give_one_stix_indicator_per_expressible_line()
    {
        var advisory = Fixture.Advisory("CVE-2026-1234");
        var replay = Fixture.Artifact(advisory, ContentClass.Indicators, DemoTexts.ReplayIndicators, title: "Indicators");
        var embargo = Fixture.Artifact(advisory, ContentClass.Indicators, DemoTexts.EmbargoIndicators, title: "Indicators");
        var set = Fixture.Map(advisory, replay, embargo);
        Assert.Equal(
            ["[file:name = 'spinstall0.aspx']", "[file:hashes.'SHA-256' = '3f1c4e7a9b2d5c8e1f0a6b3d9c2e7f4a1b8d5c0e9f3a6b2d7c4e1f8a5b0d3c9e']", "[ipv4-addr:value = '203.0.113.45']"],
            set.Of(replay.Artifact.Id).Where(o => (string)o["type"]! == "indicator").Select(o => (string)o["pattern"]!));
        Assert.Equal(@"[file:name = 'version.dll' AND file:parent_directory_ref.path = '%ProgramData%\\Halcyon\\Sync\\UpdateCache']",
            (string)set.Of(embargo.Artifact.Id).Single(o => (string)o["type"]! == "indicator")["pattern"]!);
        Assert.All(set.Entries, e => StixSchemas.AssertValid(e.Object));
    }
}
