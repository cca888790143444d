using SkiaSharp;

namespace Forewarn.Server.Timeline;

/// <summary>The shape a mark is drawn as.</summary>
public enum MarkShape
{
    Diamond,
    Square,
    Circle,
    TriangleUp,
    TriangleDown,
}

/// <summary>How each kind of mark looks, and what the legend calls it. Fetches take their content class's colour.</summary>
public sealed record MarkStyle(MarkShape Shape, SKColor Colour, bool Filled, string Legend)
{
    public static MarkStyle Of(MarkKind kind, string? contentClass = null) => kind switch
    {
        MarkKind.WavePublished => new(MarkShape.Diamond, Blue, true, "Wave published"),
        MarkKind.WavePlanned => new(MarkShape.Diamond, Blue, false, "Wave planned"),
        MarkKind.WaveCancelled => new(MarkShape.Diamond, Grey, false, "Wave cancelled"),
        MarkKind.Release => new(MarkShape.Square, Red, true, "Release"),
        MarkKind.ReleaseMoved => new(MarkShape.Square, Orange, false, "Release moved"),
        MarkKind.EmbargoBroken => new(MarkShape.TriangleDown, Red, true, "Embargo broken"),
        MarkKind.Revision => new(MarkShape.Square, Purple, false, "Revision"),
        MarkKind.Sighting => new(MarkShape.TriangleUp, DarkRed, true, "Sighting"),
        MarkKind.Notice => new(MarkShape.Circle, Black, false, "First notice to partner"),
        MarkKind.Fetch => new(MarkShape.Circle, ClassColour(contentClass), true, $"First fetch: {contentClass}"),
        MarkKind.CaseStep => new(MarkShape.Square, Black, true, "Case opened / closed"),
        MarkKind.Evidence => new(MarkShape.Square, Grey, false, "Evidence added"),
        MarkKind.Decision => new(MarkShape.Diamond, DarkRed, true, "Decision"),
        _ => new(MarkShape.Circle, Purple, false, "Appeal"),
    };

    private static readonly SKColor Blue = new(0x1f, 0x5f, 0xbf);
    private static readonly SKColor Red = new(0xc6, 0x28, 0x28);
    private static readonly SKColor DarkRed = new(0x8b, 0x10, 0x10);
    private static readonly SKColor Orange = new(0xe0, 0x7b, 0x00);
    private static readonly SKColor Purple = new(0x6a, 0x3d, 0x9a);
    private static readonly SKColor Grey = new(0x75, 0x75, 0x75);
    private static readonly SKColor Black = new(0x21, 0x21, 0x21);

    private static SKColor ClassColour(string? contentClass) => contentClass switch
    {
        "poc" => Red,
        "description" => Blue,
        "detection" => new(0x2e, 0x7d, 0x32),
        "indicators" => new(0x00, 0x83, 0x8f),
        "mitigation" => Orange,
        _ => Grey,
    };
}
