using Forewarn.Storage;

namespace Forewarn.Server.Hosting;

/// <summary>
/// Where the data lives. <c>--data DIR</c> or <c>FOREWARN_DATA</c> (default <c>./data</c>);
/// <c>FOREWARN_DATABASE</c> holds a PostgreSQL connection string when the store is PostgreSQL.
/// </summary>
public static class ServerSettings
{
    public static StoreSettings Read(IConfiguration config)
    {
        var data = config["data"];
        if (string.IsNullOrWhiteSpace(data)) data = "data";
        var database = config["database"];
        return new StoreSettings(Path.GetFullPath(data), string.IsNullOrWhiteSpace(database) ? null : database);
    }

    /// <summary>
    /// Environment variables FOREWARN_DATA and FOREWARN_DATABASE, overridden by the command line,
    /// as any ASP.NET Core setting would be.
    /// </summary>
    public static void AddSources(ConfigurationManager config, string[] args)
    {
        config.AddEnvironmentVariables("FOREWARN_");
        config.AddCommandLine(args);
    }
}
