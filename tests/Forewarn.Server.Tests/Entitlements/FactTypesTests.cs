using System.Data.Common;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Forewarn.Domain.Advisories;
using Forewarn.Server.Entitlements;
using Forewarn.Server.Tests.Infrastructure;
using Forewarn.Storage.Postgres;
using Forewarn.Storage.Sqlite;
using Forewarn.Storage.Transparency;
using Forewarn.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Forewarn.Server.Tests.Entitlements;

/// <summary>
/// One definition of a fact (<see cref="FactTypes"/>), held to by both of its users: the server's
/// in-memory facts read exactly the fact types' tables, and a saved change moves the facts
/// generation exactly when it is to a fact — checked for every entity type of the model that has a row.
/// </summary>
public sealed class FactTypesTests
{
    [Fact]
    public async Task Program_facts_read_the_tables_of_the_fact_types_and_no_other()
    {
        await using var f = new ForewarnFactory();
        var sqlite = await f.InStoreAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var capture = new CommandCapture();
        await using ForewarnDb db = f.PostgresConnectionString is { } pg
            ? new PostgresDb(new DbContextOptionsBuilder<PostgresDb>().UseNpgsql(pg).AddInterceptors(capture).Options)
            : new SqliteDb(new DbContextOptionsBuilder<SqliteDb>().UseSqlite(sqlite).AddInterceptors(capture).Options);

        await ProgramFacts.LoadAsync(db, CancellationToken.None);

        var read = db.Model.GetEntityTypes()
            .Where(t => capture.Commands.Any(sql => Reads(sql, t.GetTableName()!)))
            .Select(t => t.ClrType.Name).Order().ToList();
        Assert.Equal(FactTypes.All.Select(t => t.Name).Order().ToList(), read);
    }

    [Fact]
    public async Task A_saved_change_moves_the_generation_exactly_when_it_is_to_a_fact()
    {
        await using var f = new ForewarnFactory();
        // The demo holds a row of every fact type but acknowledgements and network bindings: make one of each.
        await f.Partner(DemoFacts.Trusted).PostJson($"/api/v1/me/advisories/{DemoFacts.EmbargoReference(f)}/acknowledge", new { }, HttpStatusCode.OK);
        await f.Staff().PutJson($"/api/v1/partners/{f.PartnerInfo(DemoFacts.Suspended).Id}/networks", new { networks = new[] { "192.0.2.0/24" } }, HttpStatusCode.OK);

        var moved = await f.InStoreAsync(async db =>
        {
            var result = new Dictionary<Type, bool>();
            foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned()).Select(t => t.ClrType))
            {
                if (await FirstRowAsync(db, type) is not { } row) continue;
                var before = await FactsGeneration.ReadAsync(db, CancellationToken.None);
                db.Entry(row).State = EntityState.Modified; // written back as it is: a change as far as the store can tell
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateConcurrencyException)
                {
                    db.ChangeTracker.Clear(); // a background job took the row meanwhile (a staged log entry): not this test's business
                    continue;
                }
                db.ChangeTracker.Clear();
                result[type] = await FactsGeneration.ReadAsync(db, CancellationToken.None) != before;
            }
            return result;
        });

        Assert.All(moved, m => Assert.True(m.Value == FactTypes.All.Contains(m.Key),
            $"a change to {m.Key.Name} {(m.Value ? "moved" : "did not move")} the facts generation"));
        Assert.Subset(moved.Keys.ToHashSet(), FactTypes.All.ToHashSet());
        Assert.Contains(typeof(ArtifactContent), moved.Keys);
        Assert.Contains(typeof(LogEntry), moved.Keys);
        Assert.True(moved.Keys.Count(t => !FactTypes.All.Contains(t)) >= 4, "too few kinds of non-fact rows were tried");
    }

    // PostgreSQL's SQL names a lower-case table bare, SQLite's quotes it.
    private static bool Reads(string sql, string table) =>
        Regex.IsMatch(sql, $@"\b(FROM|JOIN)\s+""?{Regex.Escape(table)}""?(\s|$)", RegexOptions.IgnoreCase);

    private static Task<object?> FirstRowAsync(ForewarnDb db, Type type) =>
        (Task<object?>)typeof(FactTypesTests).GetMethod(nameof(FirstOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [db])!;

    private static async Task<object?> FirstOfAsync<T>(ForewarnDb db) where T : class => await db.Set<T>().FirstOrDefaultAsync();

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
