using System.Reflection;

namespace Forewarn.Domain.Tests.Architecture;

/// <summary>What the domain may not depend on, and two ways of finding out whether it does.</summary>
internal static class DependencyRules
{
    /// <summary>Assembly-name and namespace prefixes forbidden in Forewarn.Domain.</summary>
    public static readonly string[] ForbiddenInDomain =
    [
        "Forewarn.Storage",
        "Forewarn.Server",
        "Forewarn.Cli",
        "Forewarn.Csaf",
        "Forewarn.Stix",
        "Forewarn.Tracing",
        "Forewarn.Transparency",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
    ];

    public static Assembly Domain => typeof(Forewarn.Domain.Partners.Partner).Assembly;

    public static Assembly ThisTestAssembly => typeof(DependencyRules).Assembly;

    /// <summary>The assemblies <paramref name="assembly"/> references whose names start with one of <paramref name="prefixes"/>.</summary>
    public static IReadOnlyList<string> ReferencedAssembliesMatching(Assembly assembly, IEnumerable<string> prefixes) =>
    [
        .. assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))),
    ];
}
