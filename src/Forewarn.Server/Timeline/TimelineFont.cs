using SkiaSharp;

namespace Forewarn.Server.Timeline;

/// <summary>
/// The one typeface the timeline is drawn in: DejaVu Sans, bundled in the assembly (Fonts/, with its
/// licence), so a PNG comes out the same on a machine that has no fonts installed at all.
/// </summary>
public static class TimelineFont
{
    private static readonly Lazy<SKTypeface> Bundled = new(() =>
    {
        var stream = typeof(TimelineFont).Assembly.GetManifestResourceStream("Forewarn.Timeline.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The timeline's font is missing from the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The timeline's bundled font cannot be read.");
    });

    public static SKTypeface Typeface => Bundled.Value;

    /// <summary>The family name SVG text refers to (a viewer without it falls back to a sans-serif).</summary>
    public static string Family => Typeface.FamilyName;
}
