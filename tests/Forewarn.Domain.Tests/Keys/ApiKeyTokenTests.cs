using Forewarn.Domain.Common;
using Forewarn.Domain.Keys;
using Forewarn.Domain.Tests.Support;

namespace Forewarn.Domain.Tests.Keys;

public sealed class ApiKeyTokenTests
{
    internal static readonly DateTimeOffset Now = Utc.At("2025-07-01T00:00Z");

    internal static (ApiKey Key, string Token) PartnerKey() =>
        ApiKey.Issue(KeyOwner.Partner, PartnerId.New(), "detection pipeline", null, Now.AddDays(90), Now, "staff");

    [Fact]
    public void A_token_round_trips_to_its_key()
    {
        var (key, token) = PartnerKey();

        Assert.StartsWith("fw_" + key.Prefix + "_", token);
        Assert.True(ApiKey.TryParseToken(token, out var prefix, out var secret));
        Assert.Equal(key.Prefix, prefix);
        Assert.True(key.Matches(secret));
    }

    [Fact]
    public void Only_the_hash_of_the_secret_is_kept()
    {
        var (key, token) = PartnerKey();
        ApiKey.TryParseToken(token, out _, out var secret);

        Assert.DoesNotContain(secret, key.SecretHash);
        Assert.Matches("^[0-9a-f]{64}$", key.SecretHash);
    }

    [Fact]
    public void A_wrong_secret_does_not_match()
    {
        var (key, token) = PartnerKey();
        var (_, otherToken) = PartnerKey();
        ApiKey.TryParseToken(token, out _, out var secret);
        ApiKey.TryParseToken(otherToken, out _, out var otherSecret);

        Assert.False(key.Matches(otherSecret));
        Assert.False(key.Matches(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        Assert.False(key.Matches(secret + "x"));
        Assert.False(key.Matches(""));
    }

    [Fact]
    public void Every_issue_makes_a_new_prefix_and_secret()
    {
        var (a, tokenA) = PartnerKey();
        var (b, tokenB) = PartnerKey();

        Assert.NotEqual(a.Prefix, b.Prefix);
        Assert.NotEqual(tokenA, tokenB);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fw_")]
    [InlineData("xx_0123456789ab_abcdefghijklmnopqrstuvwxyz")]
    [InlineData("fw_0123456789a_abcdefghijklmnopqrstuvwxyz")]
    [InlineData("fw_0123456789abc_abcdefghijklmnopqrstuvwxyz")]
    [InlineData("fw_0123456789ab_short")]
    [InlineData("fw_0123456789ab")]
    public void Malformed_tokens_do_not_parse(string? token)
    {
        Assert.False(ApiKey.TryParseToken(token, out _, out _));
    }

    [Fact]
    public void Overlong_tokens_do_not_parse()
    {
        Assert.False(ApiKey.TryParseToken("fw_0123456789ab_" + new string('a', 100), out _, out _));
        Assert.True(ApiKey.TryParseToken("fw_0123456789ab_" + new string('a', 43), out _, out _));
    }
}
