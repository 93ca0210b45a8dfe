using System.Text.Json;

namespace Gateway.Control;

/// <summary>
/// One command from the CLI: a verb and its words, sent as one line of JSON (<c>{"command":"block","args":["1-5"]}</c>).
/// JSON rather than the words themselves so that an argument with a space or a newline (a trace file name) survives.
/// </summary>
public sealed record ControlRequest(string Command, IReadOnlyList<string> Args)
{
    /// <summary>The largest request the daemon reads; anything longer is not a CLI talking.</summary>
    public const int MaxBytes = 16 * 1024;

    public byte[] ToJsonLine()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("command", Command);
            json.WriteStartArray("args");
            foreach (string arg in Args) json.WriteStringValue(arg);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Null when <paramref name="line"/> is not a request (say why in <paramref name="problem"/>).</summary>
    public static ControlRequest? Parse(ReadOnlySpan<byte> line, out string? problem)
    {
        problem = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            using var document = JsonDocument.ParseValue(ref reader);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("command", out JsonElement command) || command.ValueKind != JsonValueKind.String)
            {
                problem = "a request is {\"command\":\"...\",\"args\":[...]}";
                return null;
            }
            var args = new List<string>();
            if (root.TryGetProperty("args", out JsonElement list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    problem = "args must be an array of strings";
                    return null;
                }
                foreach (JsonElement arg in list.EnumerateArray())
                {
                    if (arg.ValueKind != JsonValueKind.String)
                    {
                        problem = "args must be an array of strings";
                        return null;
                    }
                    args.Add(arg.GetString()!);
                }
            }
            return new ControlRequest(command.GetString()!, args);
        }
        catch (JsonException e)
        {
            problem = "not JSON: " + e.Message;
            return null;
        }
    }
}
