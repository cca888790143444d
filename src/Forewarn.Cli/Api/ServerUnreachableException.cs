namespace Forewarn.Cli.Api;

/// <summary>The server could not be reached or did not answer in time.</summary>
public sealed class ServerUnreachableException(Uri server, string reason, Exception? inner = null)
    : Exception($"cannot reach the Forewarn server at {server.ToString().TrimEnd('/')}: {reason}", inner)
{
    public Uri Server { get; } = server;
}
