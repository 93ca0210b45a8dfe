using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.Control;

/// <summary>
/// The daemon's answer to one request: <c>{"ok":true,"data":{...}}</c> or <c>{"ok":false,"error":"..."}</c>. The
/// CLI prints <c>data</c> as it is for <c>--json</c>, or as tables; the error is one line for a human either way.
/// </summary>
public sealed class ControlReply
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Action<Utf8JsonWriter>? _data;

    private ControlReply(string? error, Action<Utf8JsonWriter>? data)
    {
        ErrorText = error;
        _data = data;
    }

    public string? ErrorText { get; }

    public bool IsOk => ErrorText is null;

    public static ControlReply Ok(Action<Utf8JsonWriter> data) => new(null, data);

    public static ControlReply Error(string error) => new(error, null);

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteBoolean("ok", IsOk);
            if (ErrorText is not null)
            {
                json.WriteString("error", ErrorText);
            }
            else
            {
                json.WritePropertyName("data");
                _data!(json);
            }
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
