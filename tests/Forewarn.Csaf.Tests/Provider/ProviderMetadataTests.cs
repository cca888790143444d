using System.Text.Json;
using Forewarn.Csaf.Mapping;
using Forewarn.Csaf.Provider;

namespace Forewarn.Csaf.Tests.Provider;

public sealed class ProviderMetadataTests
{
    private static readonly DateTimeOffset LastUpdated = new(2026, 3, 1, 10, 9, 7, TimeSpan.Zero);

    private static string Build(ProviderLayout? layout = null, CsafPublisher? publisher = null) =>
        ProviderMetadata.Build(layout ?? Sample.Layout, publisher ?? Sample.Publisher, [Sample.Fingerprint], LastUpdated);

    [Fact]
    public void The_file_is_valid_against_the_provider_metadata_schema()
    {
        Assert.Empty(ProviderSchema.Errors(Build()));
    }

    [Fact]
    public void The_schema_check_catches_a_broken_file()
    {
        // Control: the validation above can fail.
        var broken = Build().Replace("\"csaf_trusted_provider\"", "\"csaf_superstar\"", StringComparison.Ordinal);

        Assert.Contains(ProviderSchema.Errors(broken), e => e.StartsWith("/role", StringComparison.Ordinal));
    }

    [Fact]
    public void A_publisher_without_contact_details_or_authority_is_valid_too()
    {
        var bare = new CsafPublisher("Halcyon Software PSIRT", "https://halcyon.example");

        Assert.Empty(ProviderSchema.Errors(Build(publisher: bare)));
        Assert.DoesNotContain("contact_details", Build(publisher: bare), StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_http_base_still_satisfies_the_schema_which_asks_only_for_a_uri()
    {
        Assert.Empty(ProviderSchema.Errors(Build(new ProviderLayout("http://127.0.0.1:5000"))));
    }

    [Fact]
    public void The_file_names_its_url_the_directory_and_rolie_distributions_keys_publisher_and_role()
    {
        using var json = JsonDocument.Parse(Build());
        var root = json.RootElement;

        Assert.Equal("https://psirt.halcyon.example/.well-known/csaf/provider-metadata.json", root.GetProperty("canonical_url").GetString());
        Assert.Equal("2026-03-01T10:09:07.000Z", root.GetProperty("last_updated").GetString());
        Assert.Equal("2.0", root.GetProperty("metadata_version").GetString());
        Assert.Equal("csaf_trusted_provider", root.GetProperty("role").GetString());
        Assert.True(root.GetProperty("list_on_CSAF_aggregators").GetBoolean());
        Assert.True(root.GetProperty("mirror_on_CSAF_aggregators").GetBoolean());

        var distributions = root.GetProperty("distributions").EnumerateArray().ToList();
        Assert.Contains(distributions, d => d.TryGetProperty("directory_url", out var url)
            && url.GetString() == "https://psirt.halcyon.example/.well-known/csaf/white");
        var feed = distributions.Single(d => d.TryGetProperty("rolie", out _)).GetProperty("rolie").GetProperty("feeds")[0];
        Assert.Equal("WHITE", feed.GetProperty("tlp_label").GetString());
        Assert.Equal(Sample.Layout.WhiteFeedUrl, feed.GetProperty("url").GetString());

        var key = root.GetProperty("public_openpgp_keys")[0];
        Assert.Equal(Sample.Fingerprint, key.GetProperty("fingerprint").GetString());
        Assert.Equal(Sample.Layout.PublicKeyUrl(Sample.Fingerprint), key.GetProperty("url").GetString());

        var publisher = root.GetProperty("publisher");
        Assert.Equal("vendor", publisher.GetProperty("category").GetString());
        Assert.Equal("Halcyon Software PSIRT", publisher.GetProperty("name").GetString());
        Assert.Equal("https://halcyon.example", publisher.GetProperty("namespace").GetString());
    }

    [Fact]
    public void Properties_come_in_the_alphabetical_order_of_the_standards_example()
    {
        using var json = JsonDocument.Parse(Build());
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Aggregator_choices_are_written_as_given()
    {
        var text = ProviderMetadata.Build(Sample.Layout, Sample.Publisher, [Sample.Fingerprint], LastUpdated,
            listOnCsafAggregators: true, mirrorOnCsafAggregators: false);
        using var json = JsonDocument.Parse(text);

        Assert.False(json.RootElement.GetProperty("mirror_on_CSAF_aggregators").GetBoolean());
    }

    [Fact]
    public void Equal_inputs_give_equal_bytes_ending_in_a_newline()
    {
        Assert.Equal(Build(), Build());
        Assert.EndsWith("}\n", Build(), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", Build(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_trusted_provider_without_a_key_or_with_a_malformed_one_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ProviderMetadata.Build(Sample.Layout, Sample.Publisher, [], LastUpdated));
        Assert.Throws<ArgumentException>(() => ProviderMetadata.Build(Sample.Layout, Sample.Publisher, ["ABC"], LastUpdated));
    }

    [Fact]
    public void A_publisher_category_outside_the_csaf_list_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Build(publisher: Sample.Publisher with { Category = "partner" }));
    }
}
