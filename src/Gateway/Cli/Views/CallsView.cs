using System.Text.Json;
using Spectre.Console;
using static Gateway.Cli.Views.ViewText;

namespace Gateway.Cli.Views;

/// <summary><c>calls</c>: one row per active call, oldest first.</summary>
public sealed class CallsView : IControlView
{
    public void Render(JsonElement data, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = NewTable("call", "Call-ID", "DPC", "CIC", "direction", "state", "age (s)");
        int count = 0;
        foreach (JsonElement c in data.EnumerateArray())
        {
            table.AddRow(Cell(c, "call"), Cell(c, "callId"), Cell(c, "dpc"), Cell(c, "cic"), Cell(c, "direction"), Cell(c, "state"), Cell(c, "ageSeconds"));
            count++;
        }
        if (count > 0) console.Write(table);
        console.Write(new Text($"{count} active call{(count == 1 ? "" : "s")}\n"));
    }
}
