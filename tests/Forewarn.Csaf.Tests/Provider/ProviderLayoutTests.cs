using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

public sealed class ProviderLayoutTests
{
    [Fact]
    public void Every_file_lives_below_the_well_known_csaf_folder()
    {
        var layout = new ProviderLayout("https://psirt.halcyon.example/");
        var document = Sample.Documents[0];

        Assert.Equal("https://psirt.halcyon.example/.well-known/csaf/provider-metadata.json", layout.ProviderMetadataUrl);
        Assert.Equal("https://psirt.halcyon.example/.well-known/csaf/white", layout.WhiteFolderUrl);
        Assert.Equal("https://psirt.halcyon.example/.well-known/csaf/white/csaf-feed-tlp-white.json", layout.WhiteFeedUrl);
        Assert.Equal("https://psirt.halcyon.example/.well-known/csaf/white/index.txt", layout.IndexUrl);
        Assert.Equal("https://psirt.halcyon.example/.well-known/csaf/white/changes.csv", layout.ChangesUrl);
        Assert.Equal("https://psirt.halcyon.example/.well-known/csaf/white/2026/fw-2026-1201.json", layout.DocumentUrl(document));
        Assert.Equal($"https://psirt.halcyon.example/.well-known/csaf/openpgp/{Sample.Fingerprint}.asc", layout.PublicKeyUrl(Sample.Fingerprint.ToLowerInvariant()));
        Assert.Equal("CSAF: https://psirt.halcyon.example/.well-known/csaf/provider-metadata.json", layout.SecurityTxtLine);
        Assert.True(layout.UsesHttps);
    }

    [Fact]
    public void A_local_http_base_is_accepted_and_reported()
    {
        var layout = new ProviderLayout("http://127.0.0.1:5000");

        Assert.False(layout.UsesHttps);
        Assert.Equal("http://127.0.0.1:5000/.well-known/csaf/provider-metadata.json", layout.ProviderMetadataUrl);
    }

    [Theory]
    [InlineData("psirt.halcyon.example")]
    [InlineData("ftp://psirt.halcyon.example")]
    [InlineData("https://psirt.halcyon.example/?x=1")]
    [InlineData("https://psirt.halcyon.example/#top")]
    public void A_base_that_is_not_a_plain_web_root_is_refused(string baseUrl)
    {
        Assert.Throws<ArgumentException>(() => new ProviderLayout(baseUrl));
    }
}
