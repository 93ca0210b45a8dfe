using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests;

public sealed class MultipartBodyTests
{
    private static List<BodyPart> Parse(string body, string boundary) => Parse(Encoding.UTF8.GetBytes(body), boundary);

    private static List<BodyPart> Parse(byte[] body, string boundary)
    {
        var parts = new List<BodyPart>();
        Assert.True(MultipartBody.TryParse(body, boundary, parts));
        return parts;
    }

    private static bool Accepts(string body, string boundary = "b1") => MultipartBody.TryParse(Encoding.UTF8.GetBytes(body), boundary, []);

    private static string Text(BodyPart part) => Encoding.UTF8.GetString(part.Content.Span);

    [Fact]
    public void Sipi_183_multipart_holds_sdp_and_a_binary_isup_acm()
    {
        var message = RawMessage.Load("calls", "nmusco_sipi_183_multipart_sdp_isup_ACM.bin");
        Assert.True(ContentLengthHeader.TryParse(message.Value("Content-Length"), out int length));
        byte[] body = message.Body.ToArray();
        Assert.Equal(length, body.Length);

        Assert.True(MediaType.TryParse(message.Value("Content-Type"), out MediaType? contentType));
        Assert.True(contentType.IsMultipart);
        List<BodyPart> parts = Parse(body, contentType.Boundary!);
        Assert.Equal(2, parts.Count);

        BodyPart sdp = parts[0];
        Assert.True(sdp.ContentType!.Is("application", "sdp"));
        Assert.Null(sdp.ContentDisposition);
        Assert.StartsWith("v=0\r\n", Text(sdp));
        Assert.EndsWith("a=sendrecv\r\n", Text(sdp));

        BodyPart isup = parts[1];
        Assert.True(isup.ContentType!.Is("application", "isup"));
        Assert.Equal("itu-t92+", isup.ContentType.Version);
        Assert.Equal("nxv3", isup.ContentType.Base);
        Assert.True(isup.ContentDisposition!.Is("signal"));
        Assert.False(isup.ContentDisposition.IsHandlingRequired);
        Assert.Equal(new byte[] { 0x06, 0x12, 0x00, 0x01, 0x29, 0x01, 0x01, 0x00 }, isup.Content.ToArray());
    }

    [Fact]
    public void Sipi_183_parts_agree_with_the_wireshark_decode()
    {
        var message = RawMessage.Load("calls", "nmusco_sipi_183_multipart_sdp_isup_ACM.bin");
        string[] tshark = File.ReadAllLines(Path.Combine(VectorFiles.Directory, "calls", "tshark", "nmusco_sipi_183_multipart_sdp_isup_ACM.bin.txt"));
        Assert.True(MediaType.TryParse(message.Value("Content-Type"), out MediaType? contentType));
        List<BodyPart> parts = Parse(message.Body.ToArray(), contentType.Boundary!);

        // Wireshark lists each SDP line as "Some Description (x): value" at one indentation level under the part.
        var field = new Regex(@"^ {20}[^ ].*\((?<type>[a-z])\): (?<value>.*)$");
        string expectedSdp = string.Concat(tshark
            .SkipWhile(l => !l.Contains("Encapsulated multipart part:  (application/sdp)", StringComparison.Ordinal))
            .TakeWhile(l => !l.Contains("Boundary:", StringComparison.Ordinal))
            .Select(l => field.Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["type"].Value + "=" + m.Groups["value"].Value + "\r\n"));
        Assert.Equal(11, expectedSdp.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(expectedSdp, Text(parts[0]));

        // Its part headers, shown with their CRLF escaped.
        Assert.Contains(tshark, l => l.Trim() == "Content-Type: " + parts[1].Headers[0].ValueText + "\\r\\n");
        Assert.Contains(tshark, l => l.Trim() == "Content-Disposition: " + parts[1].Headers[1].ValueText + "\\r\\n\\r\\n");

        // And the ISUP message type it decoded: Address complete (6).
        Assert.Contains(tshark, l => l.Trim() == "Message Type: Address complete (" + parts[1].Content.Span[0] + ")");
    }

    [Fact]
    public void Sipt_bye_single_part_isup_rel_body()
    {
        var message = RawMessage.Load("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin");
        Assert.True(MediaType.TryParse(message.Value("Content-Type"), out MediaType? contentType));
        Assert.False(contentType.IsMultipart);
        Assert.True(contentType.Is("application", "isup"));
        Assert.True(ContentLengthHeader.TryParse(message.Value("Content-Length"), out int length));
        byte[] body = message.Body.ToArray();
        Assert.Equal(length, body.Length);
        Assert.Equal(new byte[] { 0x0c, 0x02, 0x00, 0x02, 0x83, 0x9f }, body);

        // Wireshark's decode of the cause indicators matches the bytes and the Reason header's Q.850 cause.
        string tshark = File.ReadAllText(Path.Combine(VectorFiles.Directory, "calls", "tshark", "nmusco_sipt_BYE_reason_q850_isup_REL.bin.txt"));
        Assert.Contains("Cause indicators (-> Q.850): " + Convert.ToHexStringLower(body.AsSpan(4, 2)), tshark);
        Assert.True(ReasonHeader.TryParse(message.Value("Reason"), out ReasonValue? reason));
        Assert.Equal(body[5] & 0x7f, reason.Cause);
    }

    [Fact]
    public void Torture_mpart01_text_and_binary_parts()
    {
        var message = RawMessage.Load("torture", "mpart01.dat");
        Assert.True(MediaType.TryParse(message.Value("Content-Type"), out MediaType? contentType));
        byte[] body = message.Body.ToArray();
        List<BodyPart> parts = Parse(body, contentType.Boundary!);
        Assert.Equal(2, parts.Count);
        Assert.True(parts[0].ContentType!.Is("text", "plain"));
        Assert.Equal("Hello", Text(parts[0]));
        Assert.Equal("binary", parts[1].Headers[1].ValueText);

        // The binary part runs from after its blank line to the CRLF before the close delimiter, byte for byte.
        int start = body.AsSpan().IndexOf("application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n\r\n"u8) + 63;
        int end = body.AsSpan().IndexOf("\r\n--7a9cbec02ceef655--"u8);
        Assert.Equal(body[start..end], parts[1].Content.ToArray());
        Assert.Equal(0x30, parts[1].Content.Span[0]);
    }

    [Fact]
    public void Preamble_epilogue_padding_and_folded_part_headers()
    {
        string body = "This is the preamble.\r\n--b1 \t\r\nContent-Type: text/plain;\r\n charset=us-ascii\r\nContent-ID: <part1@example.com>\r\n\r\none\r\n--b1\r\n\r\ntwo, no headers\r\n--b1--  \r\nThis is the epilogue.\r\n--b1\r\nignored\r\n";
        List<BodyPart> parts = Parse(body, "b1");
        Assert.Equal(2, parts.Count);
        Assert.Equal("one", Text(parts[0]));
        Assert.Equal("us-ascii", parts[0].ContentType!.Charset);
        Assert.Equal("<part1@example.com>", parts[0].ContentId);
        Assert.Empty(parts[1].Headers);
        Assert.Null(parts[1].ContentType);
        Assert.Null(parts[1].ContentId);
        Assert.Equal("two, no headers", Text(parts[1]));
    }

    [Fact]
    public void Lines_that_only_look_like_delimiters_are_content()
    {
        string body = "--b1\r\n\r\n--b1x\r\n-- b1\r\nx--b1\r\n--b1 junk\r\n\r\n--b1--";
        BodyPart part = Assert.Single(Parse(body, "b1"));
        Assert.Equal("--b1x\r\n-- b1\r\nx--b1\r\n--b1 junk\r\n", Text(part));
    }

    [Fact]
    public void Binary_content_keeps_cr_lf_and_nul_octets()
    {
        byte[] content = [0x00, 0x0d, 0x0a, 0x0d, 0x0a, 0x2d, 0x2d, 0x0a, 0xff, 0x0d];
        byte[] body = [.. "--b1\r\nContent-Type: application/ISUP\r\n\r\n"u8, .. content, .. "\r\n--b1--\r\n"u8];
        Assert.Equal(content, Assert.Single(Parse(body, "b1")).Content.ToArray());
    }

    [Fact]
    public void Empty_parts_and_nested_multiparts()
    {
        List<BodyPart> parts = Parse("--outer\r\nContent-Type: multipart/mixed;boundary=\"in ner\"\r\n\r\n--in ner\r\n\r\nA\r\n--in ner--\r\n--outer\r\nContent-Type: text/plain\r\n\r\n\r\n--outer--", "outer");
        Assert.Equal(2, parts.Count);
        Assert.Equal(0, parts[1].Content.Length);
        var inner = new List<BodyPart>();
        Assert.True(MultipartBody.TryParse(parts[0].Content.Span, parts[0].ContentType!.Boundary!, inner));
        Assert.Equal("A", Text(Assert.Single(inner)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("--b1--\r\n")]
    [InlineData("--b1\r\n\r\nno close delimiter\r\n")]
    [InlineData("--b1\r\n\r\nclose without CRLF before it--b1--")]
    [InlineData("preamble--b1\r\n\r\nx\r\n--b1--")]
    [InlineData("--b1\n\nlf only\n--b1--\n")]
    [InlineData("--b1\r\nno colon in this header\r\n\r\nx\r\n--b1--")]
    [InlineData("--b1\r\n: empty name\r\n\r\nx\r\n--b1--")]
    [InlineData("--b1\r\nbad name: x\r\n\r\nx\r\n--b1--")]
    [InlineData("--b1 x\r\n\r\nx\r\n--b1--")]
    public void Rejects_malformed_bodies(string body) => Assert.False(Accepts(body), body);

    [Theory]
    [InlineData("")]
    [InlineData("ends-with-space ")]
    [InlineData("semi;colon")]
    [InlineData("quote\"")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789x")]
    public void Rejects_invalid_boundaries(string boundary)
    {
        Assert.False(MultipartBody.IsValidBoundary(Encoding.UTF8.GetBytes(boundary)));
        Assert.False(MultipartBody.TryParse(Encoding.UTF8.GetBytes("--" + boundary + "\r\n\r\nx\r\n--" + boundary + "--"), boundary, []));
    }

    [Theory]
    [InlineData("unique-boundary-1")]
    [InlineData("simple boundary")]
    [InlineData("'()+_,-./:=?")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void Accepts_valid_boundaries(string boundary) => Assert.True(MultipartBody.IsValidBoundary(Encoding.UTF8.GetBytes(boundary)));

    [Fact]
    public void Nothing_is_added_on_failure()
    {
        var parts = new List<BodyPart>();
        Assert.False(MultipartBody.TryParse("--b1\r\n\r\nfirst\r\n--b1\r\nbroken\r\n\r\n"u8, "b1"u8, parts));
        Assert.Empty(parts);
    }

    [Fact]
    public void Formats_sipi_bodies_and_refuses_content_that_holds_the_delimiter()
    {
        BodyPart sdp = new([new BodyPartHeader("Content-Type", "application/sdp")], "v=0\r\n"u8.ToArray());
        BodyPart isup = new(
            [new BodyPartHeader("Content-Type", "application/ISUP;version=itu-t92+"), new BodyPartHeader("Content-Disposition", "signal;handling=optional")],
            new byte[] { 0x06, 0x12, 0x00, 0x01, 0x29, 0x01, 0x01, 0x00 });
        byte[] body = MultipartBody.Format("unique-boundary-1", [sdp, isup]);
        Assert.Equal(
            "--unique-boundary-1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--unique-boundary-1\r\nContent-Type: application/ISUP;version=itu-t92+\r\nContent-Disposition: signal;handling=optional\r\n\r\n\u0006\u0012\0\u0001)\u0001\u0001\0\r\n--unique-boundary-1--\r\n",
            Encoding.Latin1.GetString(body));

        Assert.Throws<ArgumentException>(() => MultipartBody.Format("b1", [new BodyPart([], "x\r\n--b1\r\n"u8.ToArray())]));
        Assert.Throws<ArgumentException>(() => MultipartBody.Format("b1", [new BodyPart([], "--b1"u8.ToArray())]));
        Assert.Throws<ArgumentException>(() => MultipartBody.Format("bad;boundary", [sdp]));
        Assert.Throws<ArgumentException>(() => MultipartBody.Format("b1", []));
    }

    [Fact]
    public void Property_formatted_binary_parts_parse_back_byte_for_byte()
    {
        Gen<byte> octet = Gen.OneOf(Gen.Choose(0, 255).Select(b => (byte)b), Gen.Elements((byte)'\r', (byte)'\n', (byte)'-', (byte)0, (byte)'b'));
        Gen<(string Name, string Value)[]> headers = Gen.ArrayOf(Gen.Elements(
            ("Content-Type", "application/ISUP;version=itu-t92+"), ("Content-Disposition", "signal;handling=required"), ("Content-ID", "<x@y>")));
        Gen<BodyPart> part =
            from h in headers
            from content in Gen.ArrayOf(octet)
            select new BodyPart(h.Select(x => new BodyPartHeader(x.Name, x.Value)), content);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Gen.NonEmptyListOf(part).ToArbitrary(), parts =>
        {
            byte[] body;
            try
            {
                body = MultipartBody.Format("b-1", parts);
            }
            catch (ArgumentException)
            {
                // The content happened to contain the delimiter: no body can carry it with this boundary.
                return;
            }

            List<BodyPart> parsed = Parse(body, "b-1");
            Assert.Equal(parts.Count, parsed.Count);
            for (int i = 0; i < parts.Count; i++)
            {
                Assert.Equal(parts[i].Content.ToArray(), parsed[i].Content.ToArray());
                Assert.Equal(parts[i].Headers.Select(h => (h.Name, h.ValueText)), parsed[i].Headers.Select(h => (h.Name, h.ValueText)));
            }
        }));
    }
}
