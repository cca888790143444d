using System.Text;
using System.Xml;
using System.Xml.Linq;
using SkiaSharp;

namespace Forewarn.Server.Timeline;

/// <summary>
/// The timeline as files: the same <see cref="TimelineDrawing"/> on Skia's SVG canvas (which keeps text as
/// <c>&lt;text&gt;</c>, so names can be searched and read by assistive software) and on a raster surface for PNG.
/// </summary>
public static class TimelineImages
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";

    /// <summary>The SVG document: Skia's output, given a viewBox (so it scales inline), a role, and a title and description.</summary>
    public static XElement SvgElement(TimelinePicture picture)
    {
        using var drawing = new TimelineDrawing(picture);
        using var buffer = new MemoryStream();
        using (var stream = new SKManagedWStream(buffer))
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, TimelineDrawing.Width, drawing.Height), stream))
        {
            drawing.Draw(canvas);
        }
        buffer.Position = 0;
        var root = XDocument.Load(buffer).Root ?? throw new InvalidOperationException("The SVG canvas wrote no document.");
        root.SetAttributeValue("viewBox", $"0 0 {TimelineDrawing.Width} {drawing.Height}");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", "timeline-title timeline-desc");
        root.AddFirst(
            new XElement(SvgNs + "title", new XAttribute("id", "timeline-title"), picture.Title),
            new XElement(SvgNs + "desc", new XAttribute("id", "timeline-desc"), picture.Subtitle));
        return root;
    }

    public static byte[] Svg(TimelinePicture picture)
    {
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            new XDocument(SvgElement(picture)).Save(writer);
        return output.ToArray();
    }

    public static byte[] Png(TimelinePicture picture)
    {
        using var drawing = new TimelineDrawing(picture);
        using var surface = SKSurface.Create(new SKImageInfo(TimelineDrawing.Width, drawing.Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("No raster surface could be made for the timeline.");
        drawing.Draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
