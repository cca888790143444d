namespace Forewarn.Server.Tests.Infrastructure;

/// <summary>
/// Tests that count the programme's metrics listen to every server in the test process (the
/// meter is process-wide): they run in this collection, alone, after the parallel ones, so
/// another class's failed keys are not counted as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMeters
{
    public const string Name = "Process-wide metrics";
}
