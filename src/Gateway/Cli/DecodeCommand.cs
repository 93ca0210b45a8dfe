using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Decoding;
using Gateway.Sip;

namespace Gateway.Cli;

/// <summary>
/// Decodes a captured protocol message for a support engineer, and is how anyone can check the parsers from outside:
/// JSON on success, the parse error on one line and exit 1 otherwise.
/// </summary>
public sealed class DecodeCommand : CliCommand
{
    public override string Name => "decode";
    public override string Usage => "--sip FILE";
    public override string Summary => "decode a SIP message from a file (- for standard input) and print it as JSON";
    public override IReadOnlyCollection<string> ValueOptions => ["sip"];

    public override async Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter error)
    {
        string? file = arguments.Option("sip");
        if (file is null)
        {
            error.WriteLine($"{CommandLine.ProgramName} decode: say what to decode: --sip FILE");
            return ExitCodes.Usage;
        }

        byte[] bytes;
        try
        {
            bytes = file == "-" ? await ReadStandardInput() : await File.ReadAllBytesAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{file}: {e.Message}");
            return ExitCodes.Failure;
        }

        var result = SipParser.TryParse(bytes, out SipMessage? message);
        using (message)
        {
            if (!result.IsComplete)
            {
                error.WriteLine($"{file}: {result.StatusCode} {result.GetReasonPhrase()} (at byte {result.ErrorOffset})");
                return ExitCodes.Failure;
            }
            if (!SipMessageValidator.TryValidate(message!, out var defect))
            {
                error.WriteLine($"{file}: 400 {defect.Value.ReasonPhrase}");
                return ExitCodes.Failure;
            }

            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                SipMessageJson.Write(json, message!);
            }
            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return ExitCodes.Ok;
        }
    }

    private static async Task<byte[]> ReadStandardInput()
    {
        using var stdin = Console.OpenStandardInput();
        using var copy = new MemoryStream();
        await stdin.CopyToAsync(copy);
        return copy.ToArray();
    }
}
