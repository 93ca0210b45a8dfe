using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests;

public sealed class SipUriTests
{
    private static SipUri Parse(string text)
    {
        Assert.True(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out SipUri? uri), text);
        return uri;
    }

    [Theory]
    [InlineData("sip:alice@atlanta.com", "alice", null, "atlanta.com", null)]
    [InlineData("sip:alice:secretword@atlanta.com;transport=tcp", "alice", "secretword", "atlanta.com", null)]
    [InlineData("sips:alice@atlanta.com?subject=project%20x&priority=urgent", "alice", null, "atlanta.com", null)]
    [InlineData("sip:+1-212-555-1212:1234@gateway.com;user=phone", "+1-212-555-1212", "1234", "gateway.com", null)]
    [InlineData("sips:1212@gateway.com", "1212", null, "gateway.com", null)]
    [InlineData("sip:alice@192.0.2.4", "alice", null, "192.0.2.4", null)]
    [InlineData("sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com", null, null, "atlanta.com", null)]
    [InlineData("sip:alice;day=tuesday@atlanta.com", "alice;day=tuesday", null, "atlanta.com", null)]
    [InlineData("sip:15499@10.0.8.44:5060", "15499", null, "10.0.8.44", 5060)]
    [InlineData("sip:user:@host.example.com", "user", "", "host.example.com", null)]
    [InlineData("SIP:Bob@BILOXI.example.COM:0", "Bob", null, "biloxi.example.com", 0)]
    [InlineData("sip:[2001:db8::10]:5070", null, null, "[2001:db8::10]", 5070)]
    [InlineData("sip:user@[::ffff:192.0.2.1]", "user", null, "[::ffff:192.0.2.1]", null)]
    [InlineData("sip:*21#@example.com", "*21#", null, "example.com", null)]
    [InlineData("sip:user@example.com.", "user", null, "example.com.", null)]
    [InlineData("sip:host.example.com:65535", null, null, "host.example.com", 65535)]
    public void Parses_the_components_of_sip_uris(string text, string? user, string? password, string host, int? port)
    {
        SipUri uri = Parse(text);
        Assert.True(uri.IsSip);
        Assert.Equal(user, uri.User);
        Assert.Equal(password, uri.Password);
        Assert.Equal(host, uri.Host);
        Assert.Equal(port, uri.Port);
    }

    [Fact]
    public void Reads_parameters_and_headers_unescaped_and_in_order()
    {
        SipUri uri = Parse("sips:alice@atlanta.com;Transport=TCP;lr;maddr=239.255.255.1;ttl=15?subject=project%20x&priority=urgent");
        Assert.True(uri.IsSecure);
        Assert.Equal(["Transport", "lr", "maddr", "ttl"], uri.Parameters.Select(p => p.Name));
        Assert.Equal("TCP", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Null(uri.Parameters.GetValueOrDefault("lr"));
        Assert.True(uri.Parameters.TryGetValue("LR", out string? lr));
        Assert.Null(lr);
        Assert.Equal("239.255.255.1", uri.MAddr);
        Assert.Equal("project x", uri.Headers.GetValueOrDefault("Subject"));
        Assert.Equal("urgent", uri.Headers.GetValueOrDefault("priority"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sip:")]
    [InlineData("sip:user@")]
    [InlineData("sip:@example.com")]
    [InlineData("<sip:user@example.com>")]
    [InlineData("sip:user@example.com; lr")]
    [InlineData("sip:user@example.com;")]
    [InlineData("sip:user@example.com;=x")]
    [InlineData("sip:user@example.com;a=")]
    [InlineData("sip:user@example.com;a=<x>")]
    [InlineData("sip:us er@example.com")]
    [InlineData("sip:us\"er@example.com")]
    [InlineData("sip:user@exa mple.com")]
    [InlineData("sip:a%2@example.com")]
    [InlineData("sip:a%zz@example.com")]
    [InlineData("sip:a%@example.com")]
    [InlineData("sip:user@example.com;a=%4")]
    [InlineData("sip:user@example.com?a=%4G")]
    [InlineData("sip:user@example.com?a")]
    [InlineData("sip:user@example.com?=b")]
    [InlineData("sip:user@example.com:")]
    [InlineData("sip:user@example.com:65536")]
    [InlineData("sip:user@example.com:99999999999999999999")]
    [InlineData("sip:user@example.com:5o60")]
    [InlineData("sip:user@-bad.example.com")]
    [InlineData("sip:user@bad-.example.com")]
    [InlineData("sip:user@a..example.com")]
    [InlineData("sip:user@.example.com")]
    [InlineData("sip:user@1.2.3.256")]
    [InlineData("sip:user@192.0.2")]
    [InlineData("sip:user@host_name.example.com")]
    [InlineData("sip:user@[2001:db8::10")]
    [InlineData("sip:user@2001:db8::10")]
    [InlineData("sip:user@[::1::2]")]
    [InlineData("sip:user@[12345::1]")]
    [InlineData("sip:user@[1:2:3:4:5:6:7:8:9]")]
    [InlineData("sip:user@[1:2:3:4:5:6:7]")]
    [InlineData("sip:user@[g::1]")]
    [InlineData("sip:user@[1:2:3:4:5:6:7:8:]")]
    [InlineData("sip:user@[::1.2.3.999]")]
    [InlineData("sip:user@[]")]
    [InlineData("sip:user@example.com@example.net")]
    [InlineData("1sip:user@example.com")]
    [InlineData("si p:user@example.com")]
    [InlineData("user@example.com")]
    public void Rejects_malformed_uris(string text)
    {
        Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _), text);
        Assert.False(SipUri.IsValid(Encoding.UTF8.GetBytes(text)), text);
    }

    [Theory]
    [InlineData("tel:+1-201-555-0123", "+12015550123", true, null)]
    [InlineData("tel:+1(201)555.0123;ext=1234", "+12015550123", true, null)]
    [InlineData("tel:7042;phone-context=example.com", "7042", false, "example.com")]
    [InlineData("tel:863-1234;phone-context=+1-914-555", "8631234", false, "+1-914-555")]
    [InlineData("tel:*21#;phone-context=+33", "*21#", false, "+33")]
    [InlineData("TEL:+4930123456;isub=1411;foo=bar", "+4930123456", true, null)]
    public void Parses_tel_uris(string text, string number, bool global, string? context)
    {
        SipUri uri = Parse(text);
        Assert.True(uri.IsTel);
        Assert.False(uri.IsSip);
        Assert.Equal("tel", uri.Scheme);
        Assert.Equal(number, uri.TelephoneNumber);
        Assert.Equal(global, uri.IsGlobalNumber);
        Assert.Equal(context, uri.PhoneContext);
        Assert.Null(uri.Host);
    }

    [Theory]
    [InlineData("tel:")]
    [InlineData("tel:+")]
    [InlineData("tel:+-")]
    [InlineData("tel:+1x")]
    [InlineData("tel:7042")]
    [InlineData("tel:7042;phone-context=")]
    [InlineData("tel:7042;phone-context=bad..context")]
    [InlineData("tel:7042;phone-context=example.com;phone-context=example.net")]
    [InlineData("tel:+1234;ext=abc")]
    [InlineData("tel:+1234;ext")]
    [InlineData("tel:+1234;")]
    [InlineData("tel:+1234;na_me=1")]
    [InlineData("tel:+12 34")]
    public void Rejects_malformed_tel_uris(string text) => Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _), text);

    [Fact]
    public void Reads_the_telephone_number_of_a_sip_uri_with_user_phone()
    {
        SipUri uri = Parse("sip:+1-212-555-1212;isub=11@gateway.com;user=phone");
        Assert.Equal("+12125551212", uri.TelephoneNumber);
        Assert.True(uri.IsGlobalNumber);
        Assert.Null(Parse("sip:+1-212-555-1212@gateway.com").TelephoneNumber);
    }

    [Theory]
    [InlineData("nobodyKnowsThisScheme:totallyopaquecontent", "nobodyknowsthisscheme", "totallyopaquecontent")]
    [InlineData("soap.beep://192.0.2.103:3002", "soap.beep", "//192.0.2.103:3002")]
    [InlineData("isbn:2983792873", "isbn", "2983792873")]
    [InlineData("http://www.example.com", "http", "//www.example.com")]
    [InlineData("name:John_Smith", "name", "John_Smith")]
    [InlineData("urn:service:sos", "urn", "service:sos")]
    [InlineData("mailto:a%2fb@example.com", "mailto", "a%2Fb@example.com")]
    public void Keeps_other_schemes_opaque(string text, string scheme, string opaque)
    {
        SipUri uri = Parse(text);
        Assert.False(uri.IsSip);
        Assert.False(uri.IsTel);
        Assert.Equal(scheme, uri.Scheme);
        Assert.Equal(opaque, uri.OpaquePart);
        Assert.Null(uri.User);
        Assert.Null(uri.Host);
        Assert.Empty(uri.Parameters);
    }

    [Theory]
    [InlineData("http:")]
    [InlineData("http://a b")]
    [InlineData("urn:a<b>")]
    [InlineData("urn:a%G0")]
    [InlineData("urn:a#frag")]
    public void Rejects_malformed_opaque_uris(string text) => Assert.False(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out _), text);

    [Theory]
    [InlineData("sip:%61lice@AtLanTa.CoM;Transport=TCP", "sip:alice@atlanta.com;Transport=TCP")]
    [InlineData("SIPS:%75ser@EXAMPLE.com:5061", "sips:user@example.com:5061")]
    [InlineData("sip:null-%00-null@example.com", "sip:null-%00-null@example.com")]
    [InlineData("sip:a%2fb%3a@example.com", "sip:a%2Fb%3A@example.com")]
    [InlineData("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31", "sip:caller@host5.example.net;lr;name=value%2541")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?subject=project%20x&priority=urgent")]
    [InlineData("sip:[2001:DB8::A]:5060;transport=udp", "sip:[2001:db8::a]:5060;transport=udp")]
    [InlineData("tel:+1-201-555-0123;ext=1", "tel:+1-201-555-0123;ext=1")]
    [InlineData("URN:Service:SOS", "urn:Service:SOS")]
    public void Formats_a_canonical_form_that_parses_back_to_itself(string text, string canonical)
    {
        SipUri uri = Parse(text);
        Assert.Equal(canonical, uri.ToString());
        SipUri again = Parse(uri.ToString());
        Assert.Equal(canonical, again.ToString());
        Assert.Equal(uri, again);
    }

    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    [InlineData("sip:user@[::1]", "sip:user@[0:0::1]")]
    [InlineData("tel:+1-201-555-0123", "tel:+1.201.555.0123")]
    [InlineData("tel:7042;phone-context=EXAMPLE.com", "tel:7042;phone-context=example.com")]
    public void Equivalent_uris_are_equal(string a, string b)
    {
        Assert.Equal(Parse(a), Parse(b));
        Assert.Equal(Parse(a).GetHashCode(), Parse(b).GetHashCode());
    }

    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:alice@atlanta.com", "sips:alice@atlanta.com")]
    [InlineData("sip:a%3Bb@atlanta.com", "sip:a;b@atlanta.com")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;newparam=6")]
    [InlineData("tel:+1-201-555-0123", "tel:+1-201-555-0124")]
    [InlineData("urn:a", "urn:A")]
    public void Different_uris_are_not_equal(string a, string b) => Assert.NotEqual(Parse(a), Parse(b));

    [Fact]
    public void Builds_uris_from_unescaped_components()
    {
        SipUri uri = SipUri.Create("sip", "I have spaces", "p@ss", "example.net", 5060, [new("transport", "tcp"), new("lr", null)], [new("Subject", "a&b")]);
        Assert.Equal("sip:I%20have%20spaces:p%40ss@example.net:5060;transport=tcp;lr?Subject=a%26b", uri.ToString());
        Assert.Equal("I have spaces", uri.User);
        Assert.Equal("p@ss", uri.Password);
        Assert.Equal("a&b", uri.Headers.GetValueOrDefault("subject"));
        Assert.Throws<ArgumentException>(() => SipUri.Create("tel", "1", null, "example.com"));
        Assert.Throws<ArgumentException>(() => SipUri.Create("sip", null, null, "bad host"));
        Assert.Throws<ArgumentException>(() => SipUri.Create("sip", null, "secret", "example.com"));
    }

    // RFC 4475 torture messages: the URI-level verdicts.

    [Fact]
    public void Torture_esc01_unescapes_users_and_parameters()
    {
        var message = RawMessage.Load("torture", "esc01.dat");
        Assert.True(SipUri.TryParseRequestUri(message.RequestUri, out SipUri? requestUri));
        Assert.Equal("sips:user@example.com", requestUri.User);
        Assert.Equal("example.net", requestUri.Host);
        Assert.Equal("sip:sips%3Auser%40example.com@example.net", requestUri.ToString());

        SipUri to = Parse("sip:%75se%72@example.com");
        Assert.Equal("user", to.User);
        Assert.Equal(Parse("sip:user@example.com"), to);

        SipUri contact = Parse("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31");
        Assert.Equal("caller", contact.User);
        Assert.True(contact.IsLooseRouter);
        Assert.Equal("value%41", contact.Parameters.GetValueOrDefault("name"));
    }

    [Fact]
    public void Torture_escnull_keeps_escaped_nuls_whole()
    {
        SipUri uri = Parse("sip:null-%00-null@example.com");
        Assert.Equal("null-\0-null", uri.User);
        Assert.Equal(11, uri.User!.Length);
        Assert.Equal("null-\0-null"u8.ToArray(), uri.GetUserBytes());
        Assert.Equal("\0", Parse("sip:%00@host5.example.com").User);
        Assert.Equal("\0\0", Parse("sip:%00%00@host5.example.com").User);
        Assert.NotEqual(Parse("sip:%00@host5.example.com"), Parse("sip:%00%00@host5.example.com"));
        Assert.Equal("sip:null-%00-null@example.com", uri.ToString());
    }

    [Fact]
    public void Torture_semiuri_keeps_a_semicolon_in_the_user_part()
    {
        var message = RawMessage.Load("torture", "semiuri.dat");
        Assert.True(SipUri.TryParseRequestUri(message.RequestUri, out SipUri? uri));
        Assert.Equal("user;par=u@example.net", uri.User);
        Assert.Equal("example.com", uri.Host);
        Assert.Empty(uri.Parameters);
    }

    [Fact]
    public void Torture_intmeth_accepts_the_wide_range_of_valid_uri_characters()
    {
        var message = RawMessage.Load("torture", "intmeth.dat");
        Assert.True(SipUri.TryParseRequestUri(message.RequestUri, out SipUri? uri));
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", uri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", uri.Password);
        Assert.Equal("example.com", uri.Host);
    }

    [Theory]
    [InlineData("unkscm.dat", "nobodyknowsthisscheme")]
    [InlineData("novelsc.dat", "soap.beep")]
    public void Torture_unknown_request_uri_schemes_parse_as_opaque_uris(string file, string scheme)
    {
        var message = RawMessage.Load("torture", file);
        Assert.True(SipUri.TryParseRequestUri(message.RequestUri, out SipUri? uri));
        Assert.False(uri.IsSip);
        Assert.Equal(scheme, uri.Scheme);
    }

    [Fact]
    public void Torture_ltgtruri_request_uri_in_angle_brackets_is_rejected()
    {
        var message = RawMessage.Load("torture", "ltgtruri.dat");
        Assert.Equal("<sip:user@example.com>", Encoding.UTF8.GetString(message.RequestUri));
        Assert.False(SipUri.TryParseRequestUri(message.RequestUri, out _));
        Assert.False(SipUri.TryParse(message.RequestUri, out _));
    }

    [Fact]
    public void Torture_lwsruri_request_uri_with_embedded_whitespace_is_rejected()
    {
        var message = RawMessage.Load("torture", "lwsruri.dat");
        Assert.Equal("sip:user@example.com; lr", Encoding.UTF8.GetString(message.RequestUri));
        Assert.False(SipUri.TryParseRequestUri(message.RequestUri, out _));

        // A parser that splits the request line on spaces sees "sip:user@example.com;": an empty parameter.
        Assert.False(SipUri.TryParseRequestUri("sip:user@example.com;"u8, out _));
    }

    [Fact]
    public void Torture_escruri_request_uri_with_escaped_headers_is_rejected_but_the_uri_itself_is_well_formed()
    {
        var message = RawMessage.Load("torture", "escruri.dat");
        Assert.False(SipUri.TryParseRequestUri(message.RequestUri, out _));
        Assert.True(SipUri.TryParse(message.RequestUri, out SipUri? uri));
        Assert.Equal("<sip:example.com>", uri.Headers.GetValueOrDefault("Route"));
    }

    [Fact]
    public void Request_uris_without_headers_are_accepted()
    {
        Assert.True(SipUri.TryParseRequestUri("sip:user@example.com;lr;transport=tcp"u8, out _));
        Assert.True(SipUri.TryParseRequestUri("tel:+1-201-555-0123"u8, out _));
    }

    // Property: any structured SIP URI formats to text that parses back to the same components.

    private static readonly Gen<string> AnyText = Gen.Choose(1, 12).SelectMany(length =>
        Gen.ArrayOf(Gen.OneOf(
            Gen.Choose(0x20, 0x7E).Select(c => (char)c),
            Gen.Elements('%', ';', '?', '&', '=', '@', ':', ',', '/', '\0', '#', 'é', 'ж', '\u3042'),
            Gen.Choose(0, 0x1F).Select(c => (char)c)), length).Select(chars => new string(chars)));

    private static readonly Gen<string> Label = Gen.Choose(1, 8).SelectMany(length =>
        Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-".ToCharArray()), length))
        .Select(chars => new string(chars).Trim('-'))
        .Where(label => label.Length > 0);

    private static readonly Gen<string> Host = Gen.OneOf(
        Gen.ListOf(Label).SelectMany(labels => Label.Where(l => char.IsAsciiLetter(l[0])).Select(top => string.Join('.', labels.Append(top)))),
        Gen.ArrayOf(Gen.Choose(0, 255), 4).Select(octets => string.Join('.', octets)),
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 16).Select(bytes => "[" + new IPAddress(bytes) + "]"));

    private static readonly Gen<SipParameter> Parameter =
        from name in AnyText
        from value in Gen.OneOf(Gen.Constant<string?>(null), AnyText.Select(v => (string?)v))
        select new SipParameter(name, value);

    private static readonly Gen<SipParameter> Header =
        from name in AnyText
        from value in Gen.OneOf(Gen.Constant(string.Empty), AnyText)
        select new SipParameter(name, value);

    private static readonly Gen<(string Scheme, string? User, string? Password, string Host, int? Port, SipParameter[] Parameters, SipParameter[] Headers)> Components =
        from scheme in Gen.Elements("sip", "sips")
        from user in Gen.OneOf(Gen.Constant<string?>(null), AnyText.Select(u => (string?)u))
        from password in user is null ? Gen.Constant<string?>(null) : Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>(""), AnyText.Select(p => (string?)p))
        from host in Host
        from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 65535).Select(p => (int?)p))
        from parameters in Gen.ArrayOf(Parameter)
        from headers in Gen.ArrayOf(Header)
        select (scheme, user, password, host, port, parameters, headers);

    [Fact]
    public void Property_structured_sip_uris_round_trip_through_their_text()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Components.ToArbitrary(), c =>
        {
            SipUri built = SipUri.Create(c.Scheme, c.User, c.Password, c.Host, c.Port, c.Parameters, c.Headers);
            string text = built.ToString();
            Assert.True(SipUri.TryParse(Encoding.UTF8.GetBytes(text), out SipUri? parsed), text);
            Assert.Equal(c.Scheme, parsed.Scheme);
            Assert.Equal(c.User, parsed.User);
            Assert.Equal(c.Password, parsed.Password);
            Assert.Equal(c.Host.ToLowerInvariant(), parsed.Host);
            Assert.Equal(c.Port, parsed.Port);
            Assert.Equal(c.Parameters, parsed.Parameters);
            Assert.Equal(c.Headers, parsed.Headers);
            Assert.Equal(built, parsed);
            Assert.Equal(text, parsed.ToString());
        }));
    }
}
