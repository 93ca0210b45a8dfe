using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Gateway.Cli.Views;

/// <summary>Cells of the views. Values come from the daemon, so they are plain text, never markup.</summary>
internal static class ViewText
{
    public static Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in columns) table.AddColumn(new TableColumn(new Text(column, new Style(decoration: Decoration.Bold))));
        return table;
    }

    public static IRenderable Cell(string? text) => new Text(text ?? "-");

    public static IRenderable Cell(JsonElement element, string property) => new Text(Value(element, property));

    /// <summary>A property as text: strings as they are, numbers invariant, null or absent as "-".</summary>
    public static string Value(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out JsonElement value)) return "-";
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "-",
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            _ => "-",
        };
    }

    public static string Duration(long seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h {span.Minutes}m {span.Seconds}s");
    }

    /// <summary>Green for the words that mean "working", red for those that mean "not", as an operator scans for them.</summary>
    public static IRenderable StateCell(string word) => new Text(word, word switch
    {
        "active" or "available" or "up" or "idle" => new Style(Color.Green),
        "down" or "unavailable" or "inactive" => new Style(Color.Red),
        _ => Style.Plain,
    });
}
