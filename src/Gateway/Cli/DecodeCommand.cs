using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Decoding;
using Gateway.Isup;
using Gateway.Sip;

namespace Gateway.Cli;

/// <summary>
/// Decodes a captured protocol message for a support engineer, and is how anyone can check the parsers from outside:
/// JSON on success, the parse error on one line and exit 1 otherwise.
/// </summary>
public sealed class DecodeCommand : CliCommand
{
    public override string Name => "decode";
    public override string Usage => "--sip FILE | --isup HEX | --isup-body HEX";
    public override string Summary => "decode a SIP message (file, - for standard input) or an ISUP message (hex from the CIC, or an application/ISUP body) and print it as JSON";
    public override IReadOnlyCollection<string> ValueOptions => ["sip", "isup", "isup-body"];

    public override async Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter error)
    {
        string? file = arguments.Option("sip");
        string? isup = arguments.Option("isup");
        string? body = arguments.Option("isup-body");
        if ((file is null ? 0 : 1) + (isup is null ? 0 : 1) + (body is null ? 0 : 1) != 1)
        {
            error.WriteLine($"{CommandLine.ProgramName} decode: say what to decode, one of: --sip FILE, --isup HEX, --isup-body HEX");
            return ExitCodes.Usage;
        }
        if (file is null)
        {
            return DecodeIsup(isup ?? body!, isup is not null ? IsupBodyForm.Mtp3UserData : IsupBodyForm.ApplicationIsup, output, error);
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

    /// <summary>
    /// ISUP arrives as hex copied from a trace: blanks and colons between octets are allowed. --isup starts at the CIC
    /// (as M3UA carries it), --isup-body at the message type (an application/ISUP body, RFC 3204).
    /// </summary>
    private static int DecodeIsup(string hex, IsupBodyForm form, TextWriter output, TextWriter error)
    {
        string option = form == IsupBodyForm.Mtp3UserData ? "--isup" : "--isup-body";
        var digits = new System.Text.StringBuilder(hex.Length);
        foreach (char c in hex)
        {
            if (c is not (' ' or ':' or '\t' or '\n' or '\r')) digits.Append(c);
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(digits.ToString());
        }
        catch (FormatException)
        {
            error.WriteLine($"{option}: not hexadecimal octets");
            return ExitCodes.Failure;
        }

        if (IsupMessage.TryDecode(bytes, form, out var message, out int offset, out var parameter) is var failure && failure != IsupError.None)
        {
            error.WriteLine($"{option}: {new IsupFormatException(failure, offset, parameter).Message}");
            return ExitCodes.Failure;
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            IsupMessageJson.Write(json, message!);
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return ExitCodes.Ok;
    }

    private static async Task<byte[]> ReadStandardInput()
    {
        using var stdin = Console.OpenStandardInput();
        using var copy = new MemoryStream();
        await stdin.CopyToAsync(copy);
        return copy.ToArray();
    }
}
