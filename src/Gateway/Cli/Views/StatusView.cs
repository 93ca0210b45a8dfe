using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using static Gateway.Cli.Views.ViewText;

namespace Gateway.Cli.Views;

/// <summary><c>status</c>: who and how long, then links, destinations with their circuits, calls and the last problems.</summary>
public sealed class StatusView : IControlView
{
    public void Render(JsonElement data, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(new Text(
            $"sip-isup-gateway {Value(data, "version")}  node {Value(data, "node")}  pid {Value(data, "pid")}  " +
            $"up {Duration(data.GetProperty("uptimeSeconds").GetInt64())}  " +
            (data.TryGetProperty("memory", out JsonElement memory)
                ? $"memory {memory.GetProperty("workingSetBytes").GetInt64() / (1024 * 1024)} MiB (managed heap {memory.GetProperty("managedHeapBytes").GetInt64() / (1024 * 1024)} MiB)"
                : string.Empty) + "\n"));

        var links = NewTable("association", "transport", "role", "link", "local", "remote", "ASP", "peer ASP", "AS", "connects");
        foreach (JsonElement a in data.GetProperty("associations").EnumerateArray())
        {
            links.AddRow(Cell(a, "name"), Cell(a, "transport"), new Text($"{Value(a, "role")} {Value(a, "mode")}"), StateCell(Value(a, "link")),
                Cell(a, "local"), Cell(a, "remote"), StateCell(Value(a, "asp")), Cell(a, "peerAsp"), StateCell(Value(a, "as")), Cell(a, "connects"));
        }
        console.Write(links);

        var destinations = NewTable("DPC", "state", "congestion", "circuits");
        foreach (JsonElement d in data.GetProperty("destinations").EnumerateArray())
        {
            var circuits = new List<string>();
            foreach (JsonProperty state in d.GetProperty("circuits").EnumerateObject())
            {
                circuits.Add(string.Create(CultureInfo.InvariantCulture, $"{state.Name} {state.Value.GetRawText()}"));
            }
            destinations.AddRow(Cell(d, "dpc"), StateCell(Value(d, "state")), Cell(d, "congestionLevel"), Cell(string.Join(", ", circuits)));
        }
        console.Write(destinations);

        JsonElement calls = data.GetProperty("calls");
        console.Write(new Text(
            $"calls: {Value(calls, "active")} active ({Value(calls, "sipToIsup")} sip-to-isup, {Value(calls, "isupToSip")} isup-to-sip)" +
            (calls.TryGetProperty("perSecond", out _) ? $", {Value(calls, "perSecond")} per second" : string.Empty) + "\n"));

        JsonElement problems = data.GetProperty("problems");
        if (problems.GetArrayLength() == 0)
        {
            console.Write(new Text("last problems: none\n"));
            return;
        }
        var table = NewTable("time", "level", "line");
        foreach (JsonElement p in problems.EnumerateArray())
        {
            table.AddRow(Cell(p, "time"), new Text(Value(p, "level"), new Style(Value(p, "level") == "error" ? Color.Red : Color.Yellow)), Cell(p, "text"));
        }
        console.Write(new Text("last problems:\n"));
        console.Write(table);
    }
}
