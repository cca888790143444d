using System.Security.Claims;
using Forewarn.Domain.Common;
using Forewarn.Server.Auth;
using Forewarn.Server.Problems;
using Forewarn.Server.Publishing;
using Forewarn.Server.Transparency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forewarn.Server.Admin;

/// <summary>A key rotation as the API answers it.</summary>
public sealed record KeyRotationDto(string Key, string Previous, string Next, DateTimeOffset At);

/// <summary>
/// Operating the programme (staff key with write scope): rotate the CSAF signing key or the log
/// key, and take a backup of the store. Each is logged.
/// </summary>
public static class AdminEndpoints
{
    public const string BackupMediaType = "application/vnd.sqlite3";

    public static void MapAdmin(this IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(AccessPolicies.StaffWrite);
        g.MapPost("/keys/{key}/rotate", Rotate)
            .WithSummary("Rotate a programme key: 'csaf' (the OpenPGP key that signs public CSAF documents) or 'log' (the transparency log's key)");
        g.MapGet("/backup", Backup).WithSummary("A consistent copy of the SQLite store, keys encrypted as they rest (the master key is not in it)")
            .Produces(StatusCodes.Status200OK, contentType: BackupMediaType);
    }

    private static async Task<Results<Ok<KeyRotationDto>, ProblemHttpResult>> Rotate(string key, ClaimsPrincipal user, SigningKeyRotation csaf,
        LogKeyRotation log, CancellationToken ct)
    {
        KeyRotated? done = key switch
        {
            "csaf" => await csaf.RotateAsync(Actor.Of(user), ct),
            "log" => await log.RotateAsync(Actor.Of(user), ct),
            _ => null,
        };
        return done is null
            ? Problem.Of(ErrorCategory.NotFound, "not-found", $"There is no programme key '{key}' to rotate: the keys are 'csaf' and 'log'.")
            : TypedResults.Ok(new KeyRotationDto(done.Key, done.Previous, done.Next, done.At));
    }

    private static async Task<IResult> Backup(StoreBackup backup, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (!backup.Supported)
            return Problem.Of(ErrorCategory.Conflict, "backup-on-postgresql",
                "This programme's store is PostgreSQL: back it up with pg_dump, and keep the master key apart (docs/operations.md).");
        var file = await backup.TakeAsync(Actor.Of(user), ct);
        http.Response.Headers["X-Forewarn-Backup-Sha256"] = file.Sha256;
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.Stream(stream, BackupMediaType, "forewarn-backup.db");
    }
}
