using Forewarn.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Forewarn.Server.Hosting;

/// <summary>
/// Where the programme's data lives and what a fresh store starts with — top-level settings:
/// <c>data</c> (<c>--data DIR</c>, <c>FOREWARN_DATA</c>), <c>database</c> (<c>FOREWARN_DATABASE</c>, a
/// PostgreSQL connection string; SQLite in the data directory when empty) and <c>demo</c>
/// (<c>FOREWARN_DEMO</c>: load the demo programme into an empty store).
/// </summary>
public sealed class StoreOptions
{
    public string Data { get; set; } = "data";
    public string? Database { get; set; }
    public bool Demo { get; set; } = true;

    public StoreSettings ToSettings() =>
        new(Path.GetFullPath(string.IsNullOrWhiteSpace(Data) ? "data" : Data), string.IsNullOrWhiteSpace(Database) ? null : Database.Trim());
}

internal sealed class StoreOptionsValidation : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions o)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Data) && o.Data.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            problems.Add($"data (FOREWARN_DATA, --data) is not a directory path: '{o.Data}'.");
        if (!string.IsNullOrWhiteSpace(o.Database))
        {
            try
            {
                var b = new NpgsqlConnectionStringBuilder(o.Database);
                if (string.IsNullOrWhiteSpace(b.Host))
                    problems.Add("database (FOREWARN_DATABASE) names no Host: give a PostgreSQL connection string such as 'Host=db;Database=forewarn;Username=forewarn;Password=…'.");
            }
            catch (ArgumentException e)
            {
                problems.Add($"database (FOREWARN_DATABASE) is not a PostgreSQL connection string ({e.Message}); leave it empty for SQLite in the data directory.");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
