namespace Gateway.Sip.Tests;

/// <summary>
/// The RFC 4475 torture messages seen through the typed header parsers only: every header this project types must
/// parse in every message whose defect (if any) is not in a header value, and the header that carries the defect of
/// each header-level invalid message must be rejected. Start-line and message-level defects (clerr, mcl01, multi01,
/// lwsstart, trws, bigcode, insuf, mismatch01/02) are the message parser's to find.
/// </summary>
public sealed class TortureHeaderVerdictTests
{
    private delegate bool HeaderParser(byte[] value);

    private static readonly (string[] Names, HeaderParser Parse)[] TypedHeaders =
    [
        (["Via", "v"], v => ViaHeader.TryParseList(v, [])),
        (["To", "t", "From", "f", "Refer-To", "r"], v => NameAddress.TryParse(v, out _)),
        (["Contact", "m"], v => ContactHeader.TryParse(v, [], out _)),
        (["Route", "Record-Route"], v => NameAddress.TryParseRouteList(v, [])),
        (["P-Asserted-Identity"], v => NameAddress.TryParseList(v, [])),
        (["CSeq"], v => CSeqHeader.TryParse(v, out _)),
        (["Max-Forwards"], v => MaxForwardsHeader.TryParse(v, out _)),
        (["Content-Length", "l"], v => ContentLengthHeader.TryParse(v, out _)),
        (["Call-ID", "i"], v => CallIdHeader.TryParse(v, out _)),
        (["Content-Type", "c"], v => MediaType.TryParse(v, out _)),
        (["Content-Disposition"], v => ContentDispositionHeader.TryParse(v, out _)),
        (["Accept"], v => AcceptHeader.TryParseList(v, [])),
        (["Require", "Proxy-Require", "Unsupported"], v => OptionTagsHeader.TryParseList(v, [])),
        (["Supported", "k"], v => OptionTagsHeader.TryParseList(v, [], allowEmpty: true)),
        (["Allow"], v => AllowHeader.TryParseList(v, [])),
        (["Date"], v => DateHeader.TryParse(v, out _)),
        (["Reason"], v => ReasonHeader.TryParseList(v, [])),
        (["Privacy"], v => PrivacyHeader.TryParse(v, out _)),
        (["User-to-User"], v => UserToUserHeader.TryParseList(v, [])),
        (["Session-Expires", "x"], v => SessionExpiresHeader.TryParse(v, out _)),
        (["Min-SE"], v => MinSeHeader.TryParse(v, out _)),
        (["Recv-Info"], v => RecvInfoHeader.TryParseList(v, [])),
        (["Info-Package"], v => InfoPackageHeader.TryParse(v, out _)),
    ];

    public static TheoryData<string> FilesWithValidHeaders()
    {
        // Header-level invalid files are listed in Header_level_defects_are_rejected; every other file's typed
        // headers are valid, including files invalid for start-line or message-level reasons.
        var headerDefects = new HashSet<string>(HeaderDefects().Select(row => (string)row[0]));
        var data = new TheoryData<string>();
        foreach (var row in VectorFiles.Manifest("torture"))
        {
            if (!headerDefects.Contains(row["file"]))
            {
                data.Add(row["file"]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FilesWithValidHeaders))]
    public void Every_typed_header_parses(string file)
    {
        var message = RawMessage.Load("torture", file);
        int typed = 0;
        foreach ((string name, byte[] value) in message.Headers)
        {
            foreach ((string[] names, HeaderParser parse) in TypedHeaders)
            {
                if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    Assert.True(parse(value), $"{file}: {name}:{System.Text.Encoding.UTF8.GetString(value)}");
                    typed++;
                }
            }
        }

        Assert.True(typed >= 3, $"{file}: only {typed} typed headers");
    }

    [Theory]
    [InlineData("nmusco_sipi_100_trying.txt")]
    [InlineData("nmusco_sipi_183_multipart_sdp_isup_ACM.bin")]
    [InlineData("nmusco_sipt_BYE_reason_q850_isup_REL.bin")]
    public void Every_typed_header_of_the_sipi_and_sipt_calls_parses(string file)
    {
        var message = RawMessage.Load("calls", file);
        foreach ((string name, byte[] value) in message.Headers)
        {
            foreach ((string[] names, HeaderParser parse) in TypedHeaders)
            {
                if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    Assert.True(parse(value), $"{file}: {name}:{System.Text.Encoding.UTF8.GetString(value)}");
                }
            }
        }
    }

    public static TheoryData<string, string> HeaderDefects() => new()
    {
        { "badinv01.dat", "Via" },
        { "badinv01.dat", "Contact" },
        { "quotbal.dat", "To" },
        { "baddate.dat", "Date" },
        { "regbadct.dat", "Contact" },
        { "badaspec.dat", "To" },
        { "baddn.dat", "From" },
        { "baddn.dat", "To" },
        { "badvers.dat", "Via" },
        { "scalar02.dat", "CSeq" },
        { "scalar02.dat", "Max-Forwards" },
        { "scalarlg.dat", "CSeq" },
        { "ncl.dat", "Content-Length" },
    };

    [Theory]
    [MemberData(nameof(HeaderDefects))]
    public void Header_level_defects_are_rejected(string file, string header)
    {
        var message = RawMessage.Load("torture", file);
        HeaderParser parse = TypedHeaders.Single(t => t.Names.Contains(header, StringComparer.OrdinalIgnoreCase)).Parse;
        Assert.False(parse(message.Value(header)), $"{file}: {header}");
    }

    [Fact]
    public void The_other_typed_headers_of_header_invalid_files_still_parse()
    {
        // Only the header carrying the defect is rejected: a parser that failed on everything would pass the test above.
        var defects = HeaderDefects().Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        foreach (string file in defects.Select(d => d.Item1).Distinct())
        {
            var message = RawMessage.Load("torture", file);
            foreach ((string name, byte[] value) in message.Headers)
            {
                if (defects.Contains((file, name)))
                {
                    continue;
                }

                foreach ((string[] names, HeaderParser parse) in TypedHeaders)
                {
                    if (names.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        Assert.True(parse(value), $"{file}: {name}");
                    }
                }
            }
        }
    }
}
