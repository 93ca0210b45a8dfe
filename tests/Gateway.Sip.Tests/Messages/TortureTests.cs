namespace Gateway.Sip.Tests.Messages;

/// <summary>
/// The 49 RFC 4475 torture messages, parsed as UDP datagrams. Each file is in exactly one of three lists:
/// valid (parses, no defect), rejected by the structural parser (with the exact error), or needing typed
/// header validation, which this layer does not do.
/// </summary>
public sealed class TortureTests
{
    private const string Folder = "torture";

    // Every message RFC 4475 calls valid, including those only the application layer refuses.
    private static readonly string[] Valid =
    [
        // §3.1.1 valid messages.
        "wsinv.dat", "intmeth.dat", "esc01.dat", "escnull.dat", "esc02.dat", "lwsdisp.dat", "longreq.dat",
        "dblreq.dat", "semiuri.dat", "transports.dat", "mpart01.dat", "unreason.dat", "noreason.dat",
        // §3.2 transaction layer: syntactically valid, the transaction layer deals with the branch.
        "badbranch.dat",
        // §3.3 application layer: valid syntax; 416/420/415/406 or acceptance are decided above the parser.
        "unkscm.dat", "novelsc.dat", "unksm2.dat", "bext01.dat", "invut.dat", "regaut01.dat", "bcast.dat",
        "zeromf.dat", "cparam01.dat", "cparam02.dat", "regescrt.dat", "sdp01.dat",
        // §3.4 backward compatibility: RFC 2543 syntax (no Max-Forwards, no Content-Length over UDP).
        "inv2543.dat",
    ];

    // Invalid messages whose defect is structural: the parser names it exactly.
    private static readonly (string File, SipParseError Error, SipHeaderName Header, bool CanRespond)[] Structural =
    [
        ("clerr.dat", SipParseError.ContentLengthExceedsBody, SipHeaderName.ContentLength, true),
        ("ncl.dat", SipParseError.InvalidContentLength, SipHeaderName.ContentLength, true),
        // CSeq 36893488147419103232 comes before Max-Forwards 300: the first defect is reported.
        ("scalar02.dat", SipParseError.InvalidCSeq, SipHeaderName.CSeq, true),
        // A response: never answered (RFC 3261 §18.3), so no response can be built.
        ("scalarlg.dat", SipParseError.InvalidCSeq, SipHeaderName.CSeq, false),
        ("ltgtruri.dat", SipParseError.RequestUriInAngleBrackets, SipHeaderName.Unknown, true),
        ("lwsruri.dat", SipParseError.LwsInRequestUri, SipHeaderName.Unknown, true),
        ("lwsstart.dat", SipParseError.MultipleSpacesInRequestLine, SipHeaderName.Unknown, true),
        ("trws.dat", SipParseError.TrailingWhitespaceInRequestLine, SipHeaderName.Unknown, true),
        ("badvers.dat", SipParseError.UnsupportedSipVersion, SipHeaderName.Unknown, true),
        ("mismatch01.dat", SipParseError.CSeqMethodMismatch, SipHeaderName.CSeq, true),
        ("mismatch02.dat", SipParseError.CSeqMethodMismatch, SipHeaderName.CSeq, true),
        ("bigcode.dat", SipParseError.BadStatusCode, SipHeaderName.Unknown, false),
        // No To, From, Call-ID or Max-Forwards: To is the first missing of To, From, CSeq, Call-ID, Via.
        ("insuf.dat", SipParseError.MissingMandatoryHeader, SipHeaderName.To, false),
        // CSeq is the first singleton repeated (then Call-ID, To, From, Max-Forwards).
        ("multi01.dat", SipParseError.DuplicateSingletonHeader, SipHeaderName.CSeq, true),
        ("mcl01.dat", SipParseError.MultipleContentLength, SipHeaderName.ContentLength, true),
        // As stored (resiprocate and sipsorcery copies alike) the file ends after "l: 0" CRLF with no empty
        // line; RFC 4475's own defect, the unquoted display names, is covered in TypedInvalidFiles.
        ("baddn.dat", SipParseError.MissingEmptyLine, SipHeaderName.Unknown, false),
    ];

    // Invalid messages whose defect is inside a header value's grammar: the structural parser accepts their shape and
    // SipMessageValidator names the header (SipHeaderName.Unknown: the Request-URI). badinv01: Via and Contact separators;
    // quotbal: an unbalanced quote in To; escruri: URI headers escaped into the Request-URI; baddate: a Date not in GMT;
    // regbadct: a '?' in an addr-spec Contact; badaspec: spaces in To's addr-spec. (baddn: see the test at the end.)
    private static readonly (string File, SipHeaderName Header)[] Typed =
    [
        ("badinv01.dat", SipHeaderName.Via), ("quotbal.dat", SipHeaderName.To), ("escruri.dat", SipHeaderName.Unknown),
        ("baddate.dat", SipHeaderName.Date), ("regbadct.dat", SipHeaderName.Contact), ("badaspec.dat", SipHeaderName.To),
    ];

    public static TheoryData<string> ValidFiles => new(Valid);

    public static TheoryData<string, SipHeaderName> TypedInvalidFiles
    {
        get
        {
            var data = new TheoryData<string, SipHeaderName>();
            foreach (var (file, header) in Typed) data.Add(file, header);
            return data;
        }
    }

    public static TheoryData<string, SipParseError, SipHeaderName, bool> StructurallyInvalidFiles
    {
        get
        {
            var data = new TheoryData<string, SipParseError, SipHeaderName, bool>();
            foreach (var (file, error, header, canRespond) in Structural)
            {
                data.Add(file, error, header, canRespond);
            }

            return data;
        }
    }

    [Fact]
    public void Every_manifest_file_is_in_exactly_one_list()
    {
        var listed = new List<string>();
        listed.AddRange(Valid);
        listed.AddRange(Structural.Select(row => row.File));
        listed.AddRange(Typed.Select(row => row.File));

        var manifest = VectorFiles.Manifest(Folder).Select(row => row["file"]).Order().ToList();
        Assert.Equal(manifest, listed.Order().ToList());
    }

    [Fact]
    public void The_lists_agree_with_the_manifest_verdicts()
    {
        var verdicts = VectorFiles.Manifest(Folder).ToDictionary(row => row["file"], row => row["rfc_verdict"]);
        foreach (string file in Valid)
        {
            Assert.Contains("valid", verdicts[file]);
            Assert.DoesNotContain("invalid", verdicts[file]);
        }

        foreach (string file in Structural.Select(row => row.File).Concat(Typed.Select(row => row.File)))
        {
            Assert.Contains("invalid", verdicts[file]);
        }
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_valid_message_parses_with_no_defect(string file)
    {
        byte[] bytes = VectorFiles.Read(Folder, file);
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        using (message)
        {
            Assert.True(result.IsComplete, $"{file}: {result}");
            Assert.NotNull(message);
            Assert.True(message.HeaderCount > 0);
            Assert.True(SipMessageValidator.TryValidate(message, out var defect), $"{file}: {defect}");
            Assert.True(message.IsRequest ? message.Method != SipMethod.None : message.StatusCode >= 100);
        }
    }

    [Theory]
    [MemberData(nameof(StructurallyInvalidFiles))]
    public void A_structurally_invalid_message_is_rejected_with_its_defect(string file, SipParseError error, SipHeaderName header, bool canRespond)
    {
        byte[] bytes = VectorFiles.Read(Folder, file);
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        using (message)
        {
            Assert.Equal(SipParseStatus.Invalid, result.Status);
            Assert.Equal(error, result.Error);
            Assert.Equal(header, result.Header);
            Assert.Equal(canRespond, result.CanRespond);
            Assert.Equal(canRespond, message is not null);
        }
    }

    [Theory]
    [MemberData(nameof(TypedInvalidFiles))]
    public void A_message_invalid_by_a_header_grammar_is_rejected_naming_that_header(string file, SipHeaderName header)
    {
        byte[] bytes = VectorFiles.Read(Folder, file);
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        using (message)
        {
            Assert.True(result.IsComplete, $"{file}: {result}");
            Assert.False(SipMessageValidator.TryValidate(message!, out var defect));
            Assert.Equal(header, defect.Value.Header);
            Assert.StartsWith("Bad Request - Invalid ", defect.Value.ReasonPhrase);
        }
    }

    [Fact]
    public void Baddn_with_its_empty_line_restored_is_rejected_for_its_display_names()
    {
        byte[] bytes = [.. VectorFiles.Read(Folder, "baddn.dat"), (byte)'\r', (byte)'\n'];
        SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
        using (message)
        {
            Assert.True(result.IsComplete, result.ToString());
            Assert.Equal("Bell, Alexander <sip:a.g.bell@example.com>;tag=43", message!.GetHeaderString(SipHeaderName.From));
            Assert.False(SipMessageValidator.TryValidate(message, out var defect));
            Assert.Equal("Bad Request - Invalid From header", defect.Value.ReasonPhrase);
        }
    }
}
