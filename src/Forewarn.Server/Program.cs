using Forewarn.Server.Hosting;

// A bad setting or a missing master key stops the server with sentences, not a stack trace.
try
{
    var app = ServerHost.Build(args);
    StartupChecks.Validate(app.Services);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupChecks.OwnProcess && StartupChecks.Explain(e) is { } sentences)
{
    return StartupChecks.Report(sentences, Console.Error);
}

/// <summary>Entry point; public so that tests can host the server.</summary>
public partial class Program;
