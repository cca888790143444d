using System.Xml.Linq;

namespace Forewarn.Domain.Tests.Architecture;

/// <summary>
/// The compiled assembly only lists references that code actually uses; the project file shows
/// the ones merely declared. Neither may point at our outer layers, EF Core or ASP.NET Core.
/// </summary>
public sealed class DomainProjectFileTests
{
    private static FileInfo ProjectFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = new FileInfo(Path.Combine(dir.FullName, "src", "Forewarn.Domain", "Forewarn.Domain.csproj"));
            if (candidate.Exists) return candidate;
        }
        throw new InvalidOperationException("Forewarn.Domain.csproj not found above " + AppContext.BaseDirectory);
    }

    internal static IReadOnlyList<string> DeclaredReferences(XDocument project) =>
    [
        .. project.Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "Reference" or "FrameworkReference")
            .Select(e => ReferenceName((string?)e.Attribute("Include") ?? "")),
    ];

    /// <summary>"..\Forewarn.Storage\Forewarn.Storage.csproj" → "Forewarn.Storage"; package ids stay whole.</summary>
    private static string ReferenceName(string include)
    {
        var name = include.Replace('\\', '/').Split('/')[^1];
        return name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? name[..name.LastIndexOf('.')]
            : name;
    }

    internal static IReadOnlyList<string> Forbidden(IEnumerable<string> references) =>
    [
        .. references.Where(r => DependencyRules.ForbiddenInDomain.Any(p => r.StartsWith(p, StringComparison.OrdinalIgnoreCase))),
    ];

    [Fact]
    public void The_domain_project_declares_no_forbidden_reference()
    {
        var project = XDocument.Load(ProjectFile().FullName);

        Assert.Empty(Forbidden(DeclaredReferences(project)));
        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName == "FrameworkReference");
    }

    [Fact]
    public void Control_the_project_check_finds_forbidden_references()
    {
        var project = XDocument.Parse("""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="..\Forewarn.Storage\Forewarn.Storage.csproj" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" />
                <PackageReference Include="Spectre.Console" />
              </ItemGroup>
            </Project>
            """);

        Assert.Equal(["Forewarn.Storage", "Microsoft.EntityFrameworkCore.Sqlite"], Forbidden(DeclaredReferences(project)));
    }
}
