namespace Forewarn.Browser.Tests;

/// <summary>
/// A browser test. Where Chromium is not installed it is skipped with a reason — except in CI
/// (<c>CI=true</c>), where a missing browser must fail the run rather than hide it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("FOREWARN_CHROMIUM") ?? "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = $"Chromium is not at {ChromiumPath}: install Debian's chromium package (apt-get install chromium) or set FOREWARN_CHROMIUM.";
    }
}
