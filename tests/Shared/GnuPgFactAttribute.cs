namespace Forewarn.Tests.Shared;

/// <summary>
/// A fact that needs the <c>gpg</c> program. Where it is missing the test is skipped, except in
/// CI (environment variable <c>CI</c> = <c>true</c>), where a missing gpg must fail loudly.
/// </summary>
internal sealed class GnuPgFactAttribute : FactAttribute
{
    public GnuPgFactAttribute()
    {
        if (GnuPg.Path is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "gpg is not installed here (and CI is not \"true\").";
        }
    }
}
