using Forewarn.Server.Tests.Infrastructure;

namespace Forewarn.Server.Tests.Webhooks;

/// <summary>
/// A server whose webhook sender does not run on its own (the tests drive its passes between
/// clock moves), and a loopback receiver written from the Standard Webhooks specification.
/// </summary>
public abstract class WebhookTestBase(bool schedulerOff) : IAsyncLifetime
{
    protected ForewarnFactory F { get; } = new();
    protected WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        F.Settings["webhooks:sender"] = "off";
        if (schedulerOff) F.Settings["csaf:scheduler"] = "off";
        Receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Receiver.DisposeAsync();
        await F.DisposeAsync();
    }
}
