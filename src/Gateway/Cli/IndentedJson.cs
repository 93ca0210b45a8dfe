using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.Cli;

/// <summary>How the CLI prints JSON for scripts: indented, and with SIP's quotes and angle brackets left readable.</summary>
internal static class IndentedJson
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
