using SkiaSharp;

namespace Forewarn.Server.Timeline;

/// <summary>
/// The one drawing routine of the timeline: laid out once (size, lanes, axis, legend), then drawn on any
/// Skia canvas — the SVG canvas and the PNG surface get the same calls, so the two pictures cannot differ.
/// </summary>
public sealed class TimelineDrawing : IDisposable
{
    public const int Width = 1200;
    private const float Left = 250;
    private const float Right = Width - 30;
    private const float Top = 64;
    private const float AxisHeight = 30;
    private const float ProgrammeLane = 44;
    private const float PartnerLane = 24;
    private const float LegendRow = 20;
    private const float MarkSize = 5;

    private readonly TimelinePicture _picture;
    private readonly SKFont _title = new(TimelineFont.Typeface, 18);
    private readonly SKFont _text = new(TimelineFont.Typeface, 12);
    private readonly SKFont _small = new(TimelineFont.Typeface, 10);
    private readonly TimeScale _scale;
    private readonly List<(TimelineLane Lane, float Y, float Height)> _lanes = [];
    private readonly List<(MarkStyle Style, float X, float Y)> _legend = [];

    public TimelineDrawing(TimelinePicture picture)
    {
        _picture = picture;
        _scale = TimeScale.Over(picture.Marks.Select(m => m.At), Left + 10, Right - 10);
        var y = Top + AxisHeight;
        foreach (var lane in picture.Lanes)
        {
            var height = lane.Partner ? PartnerLane : ProgrammeLane;
            _lanes.Add((lane, y, height));
            y += height;
        }
        // The legend names each look that appears, in the order of first appearance, wrapped to the width.
        float x = 20;
        y += 28;
        foreach (var style in picture.Marks.Select(m => MarkStyle.Of(m.Kind, m.ContentClass)).DistinctBy(s => s.Legend))
        {
            var width = 24 + _small.MeasureText(style.Legend);
            if (x + width > Width - 20)
            {
                x = 20;
                y += LegendRow;
            }
            _legend.Add((style, x, y));
            x += width + 16;
        }
        Height = (int)Math.Ceiling(y + LegendRow);
    }

    public int Height { get; }

    public void Draw(SKCanvas canvas)
    {
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(0x21, 0x21, 0x21), IsAntialias = true };
        using var faint = new SKPaint { Color = new SKColor(0x61, 0x61, 0x61), IsAntialias = true };
        canvas.DrawText(Fit(_picture.Title, _title, Width - 40), 20, 28, SKTextAlign.Left, _title, ink);
        canvas.DrawText(_picture.Subtitle, 20, 48, SKTextAlign.Left, _text, faint);
        DrawLanes(canvas, ink);
        DrawAxis(canvas, faint);
        DrawRules(canvas);
        foreach (var (lane, y, height) in _lanes) DrawMarks(canvas, lane, y, height, ink);
        canvas.DrawText("Legend", 20, _legend.Count > 0 ? _legend[0].Y - 18 : Height - 10, SKTextAlign.Left, _small, faint);
        foreach (var (style, x, y) in _legend)
        {
            Shape(canvas, style, x + 6, y - 4);
            canvas.DrawText(style.Legend, x + 16, y, SKTextAlign.Left, _small, ink);
        }
    }

    private void DrawLanes(SKCanvas canvas, SKPaint ink)
    {
        using var band = new SKPaint { Color = new SKColor(0xf3, 0xf5, 0xf8) };
        using var line = new SKPaint { Color = new SKColor(0x9e, 0x9e, 0x9e), StrokeWidth = 1, IsAntialias = true };
        for (var i = 0; i < _lanes.Count; i++)
        {
            var (lane, y, height) = _lanes[i];
            if (i % 2 == 0) canvas.DrawRect(0, y, Width, height, band);
            if (i > 0 && lane.Partner && !_lanes[i - 1].Lane.Partner) canvas.DrawLine(0, y, Width, y, line);
            canvas.DrawText(Fit(lane.Name, _text, Left - 30), 20, y + (lane.Partner ? 16 : 24), SKTextAlign.Left, _text, ink);
        }
    }

    private void DrawAxis(SKCanvas canvas, SKPaint faint)
    {
        var bottom = _lanes.Count > 0 ? _lanes[^1].Y + _lanes[^1].Height : Top + AxisHeight;
        using var grid = new SKPaint { Color = new SKColor(0xe0, 0xe0, 0xe0), StrokeWidth = 1 };
        using var axis = new SKPaint { Color = new SKColor(0x61, 0x61, 0x61), StrokeWidth = 1, IsAntialias = true };
        foreach (var s in _scale.Segments) canvas.DrawLine(s.X0, Top + AxisHeight - 6, s.X1, Top + AxisHeight - 6, axis);
        foreach (var (x, label) in _scale.Ticks())
        {
            canvas.DrawLine(x, Top + AxisHeight - 10, x, bottom, grid);
            canvas.DrawText(label, x, Top + AxisHeight - 14, SKTextAlign.Center, _small, faint);
        }
        // A break: two slanted strokes where a long quiet stretch of time was cut out.
        foreach (var x in _scale.Breaks)
        {
            canvas.DrawLine(x - 5, Top + AxisHeight - 1, x - 1, Top + AxisHeight - 11, axis);
            canvas.DrawLine(x + 1, Top + AxisHeight - 1, x + 5, Top + AxisHeight - 11, axis);
        }
    }

    /// <summary>Published waves and the release cross every lane, so each partner's marks read against them.</summary>
    private void DrawRules(SKCanvas canvas)
    {
        if (_lanes.Count == 0) return;
        var top = _lanes[0].Y;
        var bottom = _lanes[^1].Y + _lanes[^1].Height;
        using var dash = SKPathEffect.CreateDash([4, 4], 0);
        foreach (var m in _picture.Marks.Where(m => m.Kind is MarkKind.WavePublished or MarkKind.Release or MarkKind.EmbargoBroken))
        {
            using var rule = new SKPaint { Color = MarkStyle.Of(m.Kind).Colour.WithAlpha(0x90), StrokeWidth = 1, PathEffect = dash, IsAntialias = true };
            var x = _scale.X(m.At);
            canvas.DrawLine(x, top, x, bottom, rule);
        }
    }

    private void DrawMarks(SKCanvas canvas, TimelineLane lane, float y, float height, SKPaint ink)
    {
        var centre = y + (lane.Partner ? height / 2 : 14);
        var marks = lane.Marks.OrderBy(m => m.At).Select(m => (Mark: m, X: _scale.X(m.At))).ToList();
        foreach (var (m, x) in marks) Shape(canvas, MarkStyle.Of(m.Kind, m.ContentClass), x, centre);
        if (lane.Partner) return;
        // A label takes the first of three rows where it runs into neither the label before it nor, on the
        // marks' own row, another mark. A label with no free row is not drawn over another: the label drawn
        // last before it says how many more there are (the SVG's and the API's marks still list them all).
        var rowEnds = new float[] { float.MinValue, float.MinValue, float.MinValue };
        float[] rowOffsets = [4, 17, 29];
        var placed = new List<(string Text, float Start, int Row, int Hidden)>();
        foreach (var (m, x) in marks.Where(m => m.Mark.Label.Length > 0))
        {
            var label = Fit(m.Label, _small, 380);
            var width = _small.MeasureText(label);
            var flip = x + 9 + width > Width - 4;
            var start = flip ? x - 9 - width : x + 9;
            var free = Enumerable.Range(0, rowEnds.Length).Select(row => start > rowEnds[row] + 4
                && (row > 0 || !marks.Any(o => o.X != x && o.X >= start - 7 && o.X <= start + width + 7))).ToList();
            var chosen = free.IndexOf(true);
            if (chosen < 0)
            {
                if (placed.Count > 0)
                {
                    placed[^1] = placed[^1] with { Hidden = placed[^1].Hidden + 1 };
                    rowEnds[placed[^1].Row] += _small.MeasureText(" (+99 more)");
                }
                continue;
            }
            rowEnds[chosen] = Math.Max(rowEnds[chosen], start + width);
            placed.Add((label, start, chosen, 0));
        }
        foreach (var (text, start, row, hidden) in placed)
        {
            var shown = hidden == 0 ? text : $"{text} (+{hidden} more)";
            var left = Math.Min(start, Width - 4 - _small.MeasureText(shown));
            canvas.DrawText(shown, left, centre + rowOffsets[row], SKTextAlign.Left, _small, ink);
        }
    }

    private static void Shape(SKCanvas canvas, MarkStyle style, float x, float y)
    {
        using var paint = new SKPaint
        {
            Color = style.Colour, IsAntialias = true, StrokeWidth = 1.5f,
            Style = style.Filled ? SKPaintStyle.Fill : SKPaintStyle.Stroke,
        };
        const float r = MarkSize;
        switch (style.Shape)
        {
            case MarkShape.Circle:
                canvas.DrawCircle(x, y, r - 0.5f, paint);
                break;
            case MarkShape.Square:
                canvas.DrawRect(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2, paint);
                break;
            default:
                using (var builder = new SKPathBuilder())
                {
                    SKPoint[] points = style.Shape switch
                    {
                        MarkShape.Diamond => [new(x, y - r - 1), new(x + r + 1, y), new(x, y + r + 1), new(x - r - 1, y)],
                        MarkShape.TriangleUp => [new(x, y - r - 1), new(x + r + 1, y + r), new(x - r - 1, y + r)],
                        _ => [new(x - r - 1, y - r), new(x + r + 1, y - r), new(x, y + r + 1)],
                    };
                    builder.AddPoly(points, close: true);
                    using var path = builder.Detach();
                    canvas.DrawPath(path, paint);
                }
                break;
        }
    }

    /// <summary>The text, cut with an ellipsis when it would be wider than <paramref name="room"/>.</summary>
    private static string Fit(string text, SKFont font, float room)
    {
        if (font.MeasureText(text) <= room) return text;
        var cut = text.Length;
        while (cut > 1 && font.MeasureText(text[..cut] + "…") > room) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    public void Dispose()
    {
        _title.Dispose();
        _text.Dispose();
        _small.Dispose();
    }
}
