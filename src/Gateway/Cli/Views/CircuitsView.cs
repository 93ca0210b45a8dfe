using System.Text.Json;
using Spectre.Console;
using static Gateway.Cli.Views.ViewText;

namespace Gateway.Cli.Views;

/// <summary><c>circuits</c>: one row per equipped CIC.</summary>
public sealed class CircuitsView : IControlView
{
    public void Render(JsonElement data, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = NewTable("DPC", "CIC", "state", "blocking", "call", "far end unequipped", "maintenance pending");
        foreach (JsonElement c in data.EnumerateArray())
        {
            table.AddRow(Cell(c, "dpc"), Cell(c, "cic"), StateCell(Value(c, "state")), Cell(c, "blocking"), Cell(c, "call"),
                Cell(c, "farEndUnequipped"), Cell(c, "maintenancePending"));
        }
        console.Write(table);
    }
}
