using Forewarn.Domain.Common;
using Forewarn.Server.Problems;
using Forewarn.Storage;

namespace Forewarn.Server.Hosting;

internal static class Health
{
    public sealed record Report(string Status, string Store);

    public static async Task<IResult> Check(ForewarnDb db, CancellationToken ct) =>
        await db.Database.CanConnectAsync(ct)
            ? TypedResults.Ok(new Report("healthy", db.ProviderName))
            : Problem.Of(ErrorCategory.Unavailable, "store-unavailable", "The server cannot reach its store.");
}
