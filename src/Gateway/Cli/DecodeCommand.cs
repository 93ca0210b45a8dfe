using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Decoding;
using Gateway.Isup;
using Gateway.M3ua;
using Gateway.Sip;

namespace Gateway.Cli;

/// <summary>
/// Decodes a captured protocol message for a support engineer, and is how anyone can check the parsers from outside:
/// JSON on success, the parse error on one line and exit 1 otherwise.
/// </summary>
public sealed class DecodeCommand : CliCommand
{
    public override string Name => "decode";
    public override string Usage => "--sip FILE | --isup HEX | --isup-body HEX | --m3ua HEX";
    public override string Summary => "decode a SIP message (file, - for standard input), an ISUP message (hex from the CIC, or an application/ISUP body) or an M3UA message (hex from the common header) and print it as JSON";
    public override IReadOnlyCollection<string> ValueOptions => ["sip", "isup", "isup-body", "m3ua"];

    public override async Task<int> RunAsync(CliArguments arguments, TextWriter output, TextWriter error)
    {
        string? file = arguments.Option("sip");
        string? isup = arguments.Option("isup");
        string? body = arguments.Option("isup-body");
        string? m3ua = arguments.Option("m3ua");
        if ((file is null ? 0 : 1) + (isup is null ? 0 : 1) + (body is null ? 0 : 1) + (m3ua is null ? 0 : 1) != 1)
        {
            error.WriteLine($"{CommandLine.ProgramName} decode: say what to decode, one of: --sip FILE, --isup HEX, --isup-body HEX, --m3ua HEX");
            return ExitCodes.Usage;
        }
        if (m3ua is not null)
        {
            return DecodeM3ua(m3ua, output, error);
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
        if (!TryParseHex(hex, option, error, out byte[] bytes))
        {
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

    /// <summary>
    /// M3UA as hex from the common header (a Wireshark "copy as hex" of the SCTP DATA chunk's payload). For DATA
    /// carrying ISUP, the ISUP message is decoded too; an M3UA defect, or an ISUP one inside a DATA, is one line and
    /// exit 1, the M3UA one with the Error Code the gateway would answer in ERR.
    /// </summary>
    private static int DecodeM3ua(string hex, TextWriter output, TextWriter error)
    {
        const string option = "--m3ua";
        if (!TryParseHex(hex, option, error, out byte[] bytes))
        {
            return ExitCodes.Failure;
        }

        if (M3uaMessage.TryDecode(bytes, out var message, out int offset, out var parameter) is var failure && failure != M3uaError.None)
        {
            error.WriteLine($"{option}: {new M3uaFormatException(failure, offset, parameter).Message}");
            return ExitCodes.Failure;
        }

        IsupMessage? isup = M3uaMessageJson.DecodeIsup(message!, out string? isupError);
        if (isupError is not null)
        {
            error.WriteLine($"{option}: DATA's ISUP user data (from its CIC): {isupError}");
            return ExitCodes.Failure;
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            M3uaMessageJson.Write(json, message!, isup);
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        return ExitCodes.Ok;
    }

    /// <summary>Hex copied from a trace: blanks and colons between octets are allowed.</summary>
    private static bool TryParseHex(string hex, string option, TextWriter error, out byte[] bytes)
    {
        var digits = new System.Text.StringBuilder(hex.Length);
        foreach (char c in hex)
        {
            if (c is not (' ' or ':' or '\t' or '\n' or '\r')) digits.Append(c);
        }
        try
        {
            bytes = Convert.FromHexString(digits.ToString());
            return true;
        }
        catch (FormatException)
        {
            error.WriteLine($"{option}: not hexadecimal octets");
            bytes = [];
            return false;
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
