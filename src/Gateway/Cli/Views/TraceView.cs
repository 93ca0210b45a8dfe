using System.Text.Json;
using Spectre.Console;
using static Gateway.Cli.Views.ViewText;

namespace Gateway.Cli.Views;

/// <summary><c>trace</c>: where it writes and how much.</summary>
public sealed class TraceView : IControlView
{
    public void Render(JsonElement data, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new Text(
            $"trace {Value(data, "state")}: {Value(data, "path")}; {Value(data, "written")} messages written, " +
            $"{Value(data, "dropped")} dropped (writer behind), {Value(data, "filteredOut")} filtered out\n"));
    }
}
