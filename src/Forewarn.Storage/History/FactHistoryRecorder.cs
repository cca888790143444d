using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forewarn.Storage.History;

/// <summary>
/// Adds the history rows of a save's fact changes to that same save, dated by the server's clock:
/// a change is in force from when it is made, never earlier.
/// </summary>
internal sealed class FactHistoryRecorder(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ForewarnDb db) FactHistory.Record(db, clock.GetUtcNow());
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ForewarnDb db) FactHistory.Record(db, clock.GetUtcNow());
        return ValueTask.FromResult(result);
    }
}
