using Forewarn.Csaf.Validation.Reference;

namespace Forewarn.Csaf.Tests.Validation;

/// <summary>The reference data behind tests 6.1.11 (CWE), 6.1.12 (language tags) and 6.1.13 (package URLs).</summary>
public sealed class ReferenceDataTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("de-CH-1996")]
    [InlineData("zh-Hant-TW")]
    [InlineData("sgn-BE-FR")]
    [InlineData("zh-yue-HK")]
    [InlineData("es-419")]
    [InlineData("en-US-x-twain")]
    [InlineData("x-whatever")]
    [InlineData("i-klingon")]
    [InlineData("qaa-QM")]
    [InlineData("de-DE-u-co-phonebk")]
    public void Registered_language_tags_are_valid(string tag)
    {
        Assert.True(LanguageSubtags.IsValid(tag, out var why), $"{tag}: {why}");
    }

    [Theory]
    [InlineData("EZ", "registered language")]
    [InlineData("en-EZZ", "extended language")]
    [InlineData("en-QO-", "subtags of one to eight")]
    [InlineData("en-Abcd", "registered script")]
    [InlineData("en-AA1", "not in a place")]
    [InlineData("de-DE-1996-1996", "appears twice")]
    [InlineData("en-a", "has no subtags")]
    [InlineData("x", "private-use")]
    public void Unregistered_or_malformed_tags_are_invalid_with_a_reason(string tag, string reason)
    {
        Assert.False(LanguageSubtags.IsValid(tag, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1")]
    [InlineData("pkg:npm/%40angular/animation@12.3.1")]
    [InlineData("pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25")]
    [InlineData("pkg:golang/google.golang.org/genproto#googleapis/api/annotations")]
    [InlineData("pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie")]
    [InlineData("pkg:generic/openssl@1.1.10g?download_url=https://openssl.org/source/openssl-1.1.0g.tar.gz")]
    public void Package_urls_of_the_purl_specification_are_valid(string purl)
    {
        Assert.True(PackageUrl.IsValid(purl, out var why), $"{purl}: {why}");
    }

    [Theory]
    [InlineData("pkg:maven/@1.3.4", "no package name")]
    [InlineData("maven/org/name@1", "scheme")]
    [InlineData("pkg:1maven/org/name", "not a valid package type")]
    [InlineData("pkg:npm/name@", "version")]
    [InlineData("pkg:npm/name?arch=x86&arch=arm", "more than once")]
    [InlineData("pkg:npm/name?arch", "key=value")]
    [InlineData("pkg:npm/na%2me", "percent-encoding")]
    public void Broken_package_urls_are_invalid_with_a_reason(string purl, string reason)
    {
        Assert.False(PackageUrl.IsValid(purl, out var why));
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cwe_catalogue_knows_weaknesses_and_their_current_names()
    {
        Assert.True(CweCatalogue.TryGetNames("CWE-79", out var names));
        Assert.Equal("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')", names[0]);
        Assert.True(CweCatalogue.TryGetNames("CWE-20", out var inputValidation));
        Assert.Equal("Improper Input Validation", inputValidation[0]);
        Assert.False(CweCatalogue.TryGetNames("CWE-999999", out _));
        Assert.False(CweCatalogue.TryGetNames("79", out _));
    }
}
