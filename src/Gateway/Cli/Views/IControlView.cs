using System.Text.Json;
using Spectre.Console;

namespace Gateway.Cli.Views;

/// <summary>How one verb's reply reads for a human; <c>--json</c> bypasses it.</summary>
public interface IControlView
{
    void Render(JsonElement data, IAnsiConsole console);
}
