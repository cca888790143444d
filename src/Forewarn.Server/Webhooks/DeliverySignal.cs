using Forewarn.Server.Hosting;

namespace Forewarn.Server.Webhooks;

/// <summary>Wakes the webhook sender when this server wrote outbox rows.</summary>
public sealed class DeliverySignal : Wakeup;
