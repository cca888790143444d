using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Forewarn.Cli.Output;

/// <summary>
/// Where a command's output goes: Spectre tables for people, indented JSON for scripts. Everything
/// is written to the writer the caller gave, never straight to the process console.
/// </summary>
public sealed class Screen
{
    /// <summary>Wide enough for ids and sentences when output goes to a file or pipe.</summary>
    public const int RedirectedWidth = 160;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TextWriter _out;

    // When output is a file or pipe, Spectre draws into this buffer first so padding at line ends
    // (grids pad every cell) can be trimmed before it reaches scripts and diffs.
    private readonly StringWriter? _buffer;

    public Screen(TextWriter stdout, IReadOnlyDictionary<string, string?> environment)
    {
        _out = stdout;
        var terminal = new AnsiConsoleOutput(stdout).IsTerminal;
        if (!terminal) _buffer = new StringWriter { NewLine = "\n" };
        var noColor = environment.TryGetValue("NO_COLOR", out var v) && !string.IsNullOrEmpty(v);
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_buffer ?? stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) Console.Profile.Width = RedirectedWidth;
    }

    public IAnsiConsole Console { get; }

    public void Write(IRenderable renderable)
    {
        Console.Write(renderable);
        if (_buffer is null) return;
        var text = _buffer.ToString();
        _buffer.GetStringBuilder().Clear();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            _out.Write(lines[i].TrimEnd());
            if (i < lines.Length - 1) _out.WriteLine();
        }
    }

    public void Line(string text = "") => Write(new Text(text + "\n"));

    /// <summary>A line with one emphasised part ("Added partner <b>Example Corp</b>").</summary>
    public void Line(string before, string strong, string after = "") => Write(new Paragraph()
        .Append(before)
        .Append(strong, new Style(decoration: Decoration.Bold))
        .Append(after + "\n"));

    public void Heading(string text) => Write(new Text("\n" + text + "\n", new Style(decoration: Decoration.Bold)));

    public void Json(JsonNode? node)
    {
        _out.WriteLine(node is null ? "null" : node.ToJsonString(Indented));
        _out.Flush();
    }

    /// <summary>
    /// Columns that hold one id each: never wrapped, so an id can be copied whole from the table into
    /// the next command (other columns wrap to make room).
    /// </summary>
    private static readonly HashSet<string> IdHeaders = new(StringComparer.Ordinal) { "Id", "Artifact", "Prefix" };

    public static Table Table(params string[] headers)
    {
        var table = new Table { Border = TableBorder.Rounded };
        foreach (var h in headers)
            table.AddColumn(new TableColumn(new Text(h, new Style(decoration: Decoration.Bold))) { NoWrap = IdHeaders.Contains(h) });
        return table;
    }

    /// <summary>Adds a row of plain text cells; nothing in them is read as Spectre markup.</summary>
    public static void Row(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? "")));

    /// <summary>A two-column label/value grid for one record.</summary>
    public static Grid Details(params (string Label, string? Value)[] rows)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().NoWrap().PadRight(3));
        grid.AddColumn(new GridColumn());
        foreach (var (label, value) in rows)
            grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(string.IsNullOrEmpty(value) ? "—" : value));
        return grid;
    }
}
