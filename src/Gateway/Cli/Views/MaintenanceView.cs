using System.Text.Json;
using Spectre.Console;
using static Gateway.Cli.Views.ViewText;

namespace Gateway.Cli.Views;

/// <summary><c>block|unblock|reset</c>: the messages the daemon sent for the range.</summary>
public sealed class MaintenanceView : IControlView
{
    public void Render(JsonElement data, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var table = NewTable("message", "DPC", "CICs", "result");
        foreach (JsonElement m in data.GetProperty("messages").EnumerateArray())
        {
            bool sent = m.GetProperty("sent").GetBoolean();
            table.AddRow(Cell(m, "message"), Cell(data, "dpc"), Cell(m, "cics"),
                Cell(sent ? "sent" : "not needed (already so, or the route is down)"));
        }
        console.Write(table);
    }
}
