namespace Forewarn.Storage;

/// <summary>Where the store lives: an SQLite file in the data directory, or a PostgreSQL server.</summary>
public sealed record StoreSettings(string DataDirectory, string? PostgresConnectionString)
{
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    public string SqlitePath => Path.Combine(DataDirectory, "forewarn.db");

    public string Describe() => UsesPostgres ? "PostgreSQL" : $"SQLite file {SqlitePath}";
}
