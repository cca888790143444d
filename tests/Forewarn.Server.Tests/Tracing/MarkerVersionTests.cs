using Forewarn.Domain.Advisories;
using Forewarn.Tracing;

namespace Forewarn.Server.Tests.Tracing;

/// <summary>New artifacts are prepared with the tracing library's current marker version.</summary>
public sealed class MarkerVersionTests
{
    [Fact]
    public void New_artifacts_get_the_current_marker_version() =>
        Assert.Equal(MarkerVersion.Current, Artifact.LatestMarkerVersion);
}
