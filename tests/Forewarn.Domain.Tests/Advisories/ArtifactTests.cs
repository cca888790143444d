using System.Security.Cryptography;
using System.Text;
using Forewarn.Domain.Advisories;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Advisories;

public sealed class ArtifactTests
{
    [Fact]
    public void An_artifact_records_size_and_sha256_of_its_content_and_keeps_only_the_file_name()
    {
        var a = AdvisoryFixture.Draft();
        var bytes = Encoding.UTF8.GetBytes("rule detect_toolshell { condition: true }");

        var (artifact, content) = Artifact.Create(a, "YARA rule", ContentClass.Detection, TlpLabel.AmberStrict,
            "text/plain", "../../etc/toolshell.yar", bytes, AdvisoryFixture.Created);

        Assert.Equal(bytes.Length, artifact.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), artifact.Sha256);
        Assert.Equal("toolshell.yar", artifact.FileName);
        Assert.Equal(a.Id, artifact.AdvisoryId);
        Assert.Equal(artifact.Id, content.ArtifactId);
    }

    [Fact]
    public void Empty_or_oversized_content_and_bad_media_types_are_refused()
    {
        var a = AdvisoryFixture.Draft();
        var at = AdvisoryFixture.Created;

        Expect.Refusal("empty-content", () => Artifact.Create(a, "t", ContentClass.Poc, TlpLabel.Red, null, null, [], at));
        Expect.Refusal("content-too-large", () => Artifact.Create(a, "t", ContentClass.Poc, TlpLabel.Red, null, null, new byte[Artifact.MaxContentBytes + 1], at));
        Expect.Refusal("invalid-media-type", () => Artifact.Create(a, "t", ContentClass.Poc, TlpLabel.Red, "python", null, [1], at));
    }

    [Theory]
    [InlineData("poc", ContentClass.Poc)]
    [InlineData(" Detection ", ContentClass.Detection)]
    [InlineData("INDICATORS", ContentClass.Indicators)]
    public void Content_classes_parse_by_wire_name(string text, ContentClass cls)
    {
        Assert.Equal(cls, ContentClasses.Parse(text));
        Assert.Equal(cls, ContentClasses.Parse(cls.Name()));
    }

    [Fact]
    public void An_unknown_content_class_is_refused()
    {
        Expect.Refusal("unknown-content-class", () => ContentClasses.Parse("exploit"));
        Assert.Equal(6, ContentClasses.All.Count);
    }

    [Theory]
    [InlineData("TLP:AMBER+STRICT", TlpLabel.AmberStrict)]
    [InlineData("amber_strict", TlpLabel.AmberStrict)]
    [InlineData("clear", TlpLabel.Clear)]
    [InlineData("TLP:RED", TlpLabel.Red)]
    public void Tlp_labels_parse_and_print_as_tlp_2_writes_them(string text, TlpLabel label)
    {
        Assert.Equal(label, TlpLabels.Parse(text));
        Assert.Equal(label, TlpLabels.Parse(label.Name()));
    }

    [Fact]
    public void Tlp_white_is_not_a_tlp_2_label()
    {
        Expect.Refusal("unknown-tlp-label", () => TlpLabels.Parse("TLP:WHITE"));
        Assert.Equal("TLP:AMBER+STRICT", TlpLabel.AmberStrict.Name());
    }

    [Theory]
    [InlineData(" cve-2025-53770 ", "CVE-2025-53770")]
    [InlineData("CVE-1999-0001", "CVE-1999-0001")]
    [InlineData("CVE-2021-1234567", "CVE-2021-1234567")]
    public void Cve_ids_are_normalised(string text, string expected)
    {
        Assert.Equal(expected, CveId.Parse(text));
    }

    [Theory]
    [InlineData("CVE-2025-123")]
    [InlineData("CVE-25-53770")]
    [InlineData("CAN-2025-53770")]
    [InlineData("CVE-1899-0001")]
    public void Malformed_cve_ids_are_refused(string text)
    {
        Expect.Refusal("invalid-cve-id", () => CveId.Parse(text));
    }
}
