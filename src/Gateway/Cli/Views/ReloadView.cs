using System.Text.Json;
using Spectre.Console;
using static Gateway.Cli.Views.ViewText;

namespace Gateway.Cli.Views;

/// <summary><c>reload</c>: what was taken from the file and what waits for a restart.</summary>
public sealed class ReloadView : IControlView
{
    public void Render(JsonElement data, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new Text(
            $"reloaded {Value(data, "config")}: {Value(data, "sipToIsupRoutes")} sip-to-isup and {Value(data, "isupToSipRoutes")} isup-to-sip routes; " +
            $"applied: {Value(data, "applied")}; at the next restart: {Value(data, "atRestart")}\n"));
    }
}
