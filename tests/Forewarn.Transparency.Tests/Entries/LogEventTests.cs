using System.Text;
using Forewarn.Transparency.Entries;

namespace Forewarn.Transparency.Tests.Entries;

/// <summary>An entry always says what it is and when, and the log alone sets both.</summary>
public sealed class LogEventTests
{
    [Fact]
    public void The_log_sets_kind_and_at_itself()
    {
        var at = new DateTimeOffset(2026, 11, 29, 4, 20, 53, TimeSpan.FromHours(2)).AddTicks(7960832);
        var logged = LogEvent.Of("trace.run", at, null, null, new("leak", "x"), new("none", null));
        Assert.Equal("""{"at":"2026-11-29T02:20:53.7960832Z","kind":"trace.run","leak":"x"}""", Encoding.UTF8.GetString(logged.Body));
        Assert.Throws<ArgumentException>(() => LogEvent.Of("trace.run", at, null, null, new("leak", "x"), new("kind", "other")));
    }
}
