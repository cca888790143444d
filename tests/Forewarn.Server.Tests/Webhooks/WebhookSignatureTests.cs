using System.Text;
using Forewarn.Domain.Webhooks;
using Forewarn.Server.Webhooks;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FsCheck;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>Standard Webhooks signatures against the specification's published example and a receiver's rules.</summary>
public sealed class WebhookSignatureTests
{
    // The specification's reference libraries sign this example to exactly this value.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1614265330);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");

    [Fact]
    public void Signs_the_specifications_example_to_its_published_value()
    {
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(WebhookSecret.Parse(Secret), Id, At, Body));
    }

    [Fact]
    public void A_receiver_accepts_the_signed_delivery_and_refuses_any_change()
    {
        var secret = WebhookSecret.Parse(Secret);
        var header = WebhookSignature.Sign(secret, Id, At, Body);
        var ts = At.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify([secret], Id, ts, header, Body, At.AddMinutes(4)));
        Assert.Equal(WebhookVerdict.NoMatchingSignature, WebhookSignature.Verify([secret], Id + "x", ts, header, Body, At));
        Assert.Equal(WebhookVerdict.NoMatchingSignature, WebhookSignature.Verify([secret], Id, ts, header, Encoding.UTF8.GetBytes("{\"test\": 2432232315}"), At));
        Assert.Equal(WebhookVerdict.NoMatchingSignature, WebhookSignature.Verify([WebhookSecret.Generate()], Id, ts, header, Body, At));
        Assert.Equal(WebhookVerdict.TooOld, WebhookSignature.Verify([secret], Id, ts, header, Body, At.AddMinutes(5).AddSeconds(1)));
        Assert.Equal(WebhookVerdict.TooNew, WebhookSignature.Verify([secret], Id, ts, header, Body, At.AddMinutes(-5).AddSeconds(-1)));
        Assert.Equal(WebhookVerdict.BadTimestamp, WebhookSignature.Verify([secret], Id, "hello", header, Body, At));
        Assert.Equal(WebhookVerdict.MissingHeader, WebhookSignature.Verify([secret], null, ts, header, Body, At));
        Assert.Equal(WebhookVerdict.MissingHeader, WebhookSignature.Verify([secret], Id, ts, "", Body, At));
        Assert.Equal(WebhookVerdict.NoMatchingSignature, WebhookSignature.Verify([secret], Id, ts, header[..8], Body, At));
        Assert.Equal(WebhookVerdict.NoMatchingSignature, WebhookSignature.Verify([secret], Id, ts, "v1,", Body, At));
        Assert.Equal(WebhookVerdict.NoMatchingSignature, WebhookSignature.Verify([secret], Id, ts, "v2," + header[3..], Body, At));
    }

    [Fact]
    public void During_rotation_a_delivery_carries_both_signatures_and_either_secret_verifies_it()
    {
        var old = WebhookSecret.Generate();
        var fresh = WebhookSecret.Generate();
        var header = WebhookSignature.SignAll([fresh, old], Id, At, Body);
        var ts = At.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, header.Split(' ').Length);
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify([old], Id, ts, header, Body, At));
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify([fresh], Id, ts, header, Body, At));
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify([WebhookSecret.Generate(), old], Id, ts,
            "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= " + header, Body, At));
    }

    [Property(MaxTest = 500)]
    public Property Any_signed_delivery_verifies_and_any_flipped_byte_does_not() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (body, flip) =>
            {
                var secret = WebhookSecret.Generate();
                var header = WebhookSignature.Sign(secret, "msg_1", At, body);
                var ts = At.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                var ok = WebhookSignature.Verify([secret], "msg_1", ts, header, body, At) == WebhookVerdict.Valid;
                if (body.Length == 0) return ok;
                var changed = (byte[])body.Clone();
                changed[flip % changed.Length] ^= 0x01;
                return ok && WebhookSignature.Verify([secret], "msg_1", ts, header, changed, At) == WebhookVerdict.NoMatchingSignature;
            });
}
