using Forewarn.Domain.Common;
using Forewarn.Domain.Webhooks;

namespace Forewarn.Domain.Tests.Webhooks;

/// <summary>An endpoint's secret as Standard Webhooks writes it: <c>whsec_</c> and base64 of 24 to 64 bytes.</summary>
public sealed class WebhookSecretTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public void A_secret_reads_the_same_with_or_without_its_prefix()
    {
        Assert.Equal(WebhookSecret.Parse(Secret), WebhookSecret.Parse(Secret["whsec_".Length..]));
        Assert.Equal(Secret, WebhookSecret.Parse(Secret["whsec_".Length..]).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_c2hvcnQ=")]
    public void A_malformed_secret_is_refused_with_a_sentence(string text)
    {
        var e = Assert.Throws<DomainException>(() => WebhookSecret.Parse(text));
        Assert.Equal("invalid-webhook-secret", e.Code);
    }
}
