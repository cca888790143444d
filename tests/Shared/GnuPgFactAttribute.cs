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

/// <summary>A theory that needs the <c>gpg</c> program, skipped or failing as <see cref="GnuPgFactAttribute"/>.</summary>
internal sealed class GnuPgTheoryAttribute : TheoryAttribute
{
    public GnuPgTheoryAttribute()
    {
        if (GnuPg.Path is null && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "gpg is not installed here (and CI is not \"true\").";
        }
    }
}
