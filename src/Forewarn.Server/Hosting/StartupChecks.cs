using Microsoft.Extensions.Options;

namespace Forewarn.Server.Hosting;

/// <summary>
/// Settings checked before the server starts, and what a person sees when one is wrong: the
/// sentences of every failed check on standard error and exit code 2 — not a stack trace.
/// </summary>
public static class StartupChecks
{
    public const int BadSettings = 2;

    /// <summary>
    /// Whether the server runs as its own program — not hosted by a test, which is to see the
    /// exception itself (a test host is the entry assembly there).
    /// </summary>
    public static bool OwnProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly;

    /// <summary>Validates every option now (the host would, but would log a stack trace with it).</summary>
    public static void Validate(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    /// <summary>The sentences for a failure that stops the start, or null when it is not one (a bug: let it surface).</summary>
    public static IReadOnlyList<string>? Explain(Exception e) => e switch
    {
        OptionsValidationException o => [.. o.Failures],
        StartupRefusedException r => [r.Message],
        // The binder's own sentence names the setting and the type it wanted ("… at 'demo' to type 'System.Boolean'").
        InvalidOperationException i when i.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [i.Message],
        AggregateException a when a.InnerExceptions.Select(Explain).All(x => x is not null) => [.. a.InnerExceptions.SelectMany(x => Explain(x)!)],
        _ => null,
    };

    public static int Report(IReadOnlyList<string> sentences, TextWriter error)
    {
        error.WriteLine("forewarn server: cannot start:");
        foreach (var s in sentences) error.WriteLine($"  - {s}");
        error.WriteLine("  Settings are listed in docs/configuration.md.");
        error.Flush();
        return BadSettings;
    }
}
