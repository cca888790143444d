using Forewarn.Server.Hosting;

var app = ServerHost.Build(args);
await app.RunAsync();

/// <summary>Entry point; public so that tests can host the server.</summary>
public partial class Program;
