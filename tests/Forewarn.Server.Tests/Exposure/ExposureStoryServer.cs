using Forewarn.Server.Tests.Cli;

namespace Forewarn.Server.Tests.Exposure;

/// <summary>A real server on a loopback port (<see cref="CliServer"/>) on which <see cref="ExposureStory"/> has been played.</summary>
public sealed class ExposureStoryServer : IAsyncLifetime
{
    public CliServer Server { get; } = new();

    public string Reference { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Reference = await ExposureStory.PlayAsync(Server.Factory, Server.Staff(), name => Server.WithKey(Server.PartnerKey(name)));
    }

    public Task DisposeAsync() => Server.DisposeAsync();
}
