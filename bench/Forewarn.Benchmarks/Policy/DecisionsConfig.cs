using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Forewarn.Benchmarks.Policy;

/// <summary>
/// Adds Op/s (decisions per second on the one benchmark thread, from the mean), the median and
/// the minimum: on a shared, busy machine the median and minimum show what the code costs when it
/// gets the core to itself.
/// </summary>
public sealed class DecisionsConfig : ManualConfig
{
    public DecisionsConfig()
    {
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.OperationsPerSecond);
    }
}
