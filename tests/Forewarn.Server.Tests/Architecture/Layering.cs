using System.Reflection;
using System.Xml.Linq;

namespace Forewarn.Server.Tests.Architecture;

/// <summary>
/// The solution's layering as one table: which of our projects each project may reference, and
/// which frameworks it may not. Dependencies point one way — Server/Cli → Storage → Domain,
/// capability libraries → Domain at most, Domain → nothing of ours — and the CLI reaches the
/// server over HTTP only.
/// </summary>
internal static class Layering
{
    private static readonly string[] Ef = ["Microsoft.EntityFrameworkCore", "Npgsql"];
    private static readonly string[] Web = ["Microsoft.AspNetCore"];

    /// <summary>
    /// A project (by its name under src/), its compiled assembly, the projects of ours it may reference, the frameworks
    /// it may not, and any part of those frameworks it may (the store keeps ASP.NET Core Data Protection's key ring,
    /// so Storage may use Data Protection's EF Core key store, and the portal's accounts, so Identity's EF Core user store,
    /// but nothing of the web).
    /// </summary>
    public sealed record Rule(string Project, Assembly Assembly, string[] MayReference, string[] NoFramework, string[]? Except = null);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("Forewarn.Domain", typeof(global::Forewarn.Domain.Partners.Partner).Assembly, [], [.. Ef, .. Web]),
        new("Forewarn.Csaf", typeof(global::Forewarn.Csaf.Mapping.CsafExport).Assembly, ["Forewarn.Domain"], [.. Ef, .. Web]),
        new("Forewarn.Stix", typeof(global::Forewarn.Stix.StixMapping).Assembly, ["Forewarn.Domain"], [.. Ef, .. Web]),
        new("Forewarn.Tracing", typeof(global::Forewarn.Tracing.Tardos.TardosCode).Assembly, ["Forewarn.Domain"], [.. Ef, .. Web]),
        new("Forewarn.Transparency", typeof(global::Forewarn.Transparency.Tree.MerkleTree).Assembly, [], [.. Ef, .. Web]),
        new("Forewarn.Storage", typeof(global::Forewarn.Storage.ForewarnDb).Assembly, ["Forewarn.Domain", "Forewarn.Transparency"], Web,
            ["Microsoft.AspNetCore.DataProtection", "Microsoft.AspNetCore.Identity"]),
        new("Forewarn.Server", typeof(global::Forewarn.Server.Hosting.ServerHost).Assembly,
            ["Forewarn.Domain", "Forewarn.Storage", "Forewarn.Csaf", "Forewarn.Stix", "Forewarn.Tracing", "Forewarn.Transparency"], []),
        new("Forewarn.Cli", typeof(global::Forewarn.Cli.CliApp).Assembly, ["Forewarn.Domain", "Forewarn.Csaf", "Forewarn.Transparency"], [.. Ef, .. Web]),
    ];

    public static Rule Of(string project) => Rules.Single(r => r.Project == project);

    /// <summary>What in <paramref name="references"/> breaks <paramref name="rule"/>: a project of ours it may not use, or a forbidden framework.</summary>
    public static IReadOnlyList<string> Violations(Rule rule, IEnumerable<string> references) =>
    [
        .. references.Where(r =>
            (r.StartsWith("Forewarn.", StringComparison.Ordinal) && r != rule.Project && !rule.MayReference.Contains(r))
            || (rule.NoFramework.Any(f => r.StartsWith(f, StringComparison.Ordinal))
                && !(rule.Except ?? []).Any(e => r.StartsWith(e, StringComparison.Ordinal)))),
    ];

    /// <summary>
    /// What the compiled project uses (the compiler keeps only references that code uses), our
    /// assemblies by their project's name: the CLI's assembly is called <c>forewarn</c>.
    /// </summary>
    public static IEnumerable<string> Used(string project) => UsedBy(Of(project).Assembly);

    public static IEnumerable<string> UsedBy(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")
            .Select(name => Rules.FirstOrDefault(r => r.Assembly.GetName().Name == name)?.Project ?? name);

    /// <summary>The projects and packages the project file declares, used or not.</summary>
    public static IEnumerable<string> Declared(string project) => Declared(XDocument.Load(Path.Combine(Root(), "src", project, project + ".csproj")));

    public static IEnumerable<string> Declared(XDocument projectFile) =>
        projectFile.Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "Reference" or "FrameworkReference")
            .Select(e => ReferenceName((string?)e.Attribute("Include") ?? ""));

    /// <summary>"..\Forewarn.Storage\Forewarn.Storage.csproj" → "Forewarn.Storage"; a package id stays whole.</summary>
    private static string ReferenceName(string include) =>
        include.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(include.Replace('\\', '/')) : include;

    /// <summary>The projects the solution builds under src/.</summary>
    public static IReadOnlyList<string> SolutionProjects() =>
    [
        .. XDocument.Load(Path.Combine(Root(), "Forewarn.slnx")).Descendants("Project")
            .Select(p => ((string?)p.Attribute("Path") ?? "").Replace('\\', '/'))
            .Where(p => p.StartsWith("src/", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>(),
    ];

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Forewarn.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Forewarn.slnx not found above " + AppContext.BaseDirectory);
    }
}
