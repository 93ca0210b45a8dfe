using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests;

public sealed class NameAddressTests
{
    private static NameAddress Parse(string text) => Parse(Encoding.UTF8.GetBytes(text));

    private static NameAddress Parse(byte[] value)
    {
        Assert.True(NameAddress.TryParse(value, out NameAddress? result), Encoding.UTF8.GetString(value));
        return result;
    }

    private static bool Accepts(string text) => NameAddress.TryParse(Encoding.UTF8.GetBytes(text), out _);

    [Theory]
    [InlineData("\"Bob\" <sips:bob@biloxi.com>;tag=a48s", "Bob", "sips:bob@biloxi.com", "a48s", true)]
    [InlineData("Anonymous <sip:c8oqz84zk7z@privacy.org>;tag=hyh8", "Anonymous", "sip:c8oqz84zk7z@privacy.org", "hyh8", true)]
    [InlineData("sip:+12125551212@server.phone2net.com;tag=887s", null, "sip:+12125551212@server.phone2net.com", "887s", false)]
    [InlineData("<sip:15499@10.0.8.44:5060;user=phone>;tag=6831-F133", null, "sip:15499@10.0.8.44:5060;user=phone", "6831-F133", true)]
    [InlineData("  \"4599082206\" <sip:4599082206@timbr1S.com;user=phone>;tag=7a95d4df-0050-004b-0000-0000  ", "4599082206", "sip:4599082206@timbr1s.com;user=phone", "7a95d4df-0050-004b-0000-0000", true)]
    [InlineData("The  Operator\t<tel:+1-201-555-0123>", "The Operator", "tel:+1-201-555-0123", null, true)]
    [InlineData("\"\" <sip:a@example.com>", "", "sip:a@example.com", null, true)]
    [InlineData("\"Joe\"\r\n <sip:a@example.com>\r\n ;\r\n\ttag=1", "Joe", "sip:a@example.com", "1", true)]
    [InlineData("<sip:a@example.com>;TAG=x", null, "sip:a@example.com", "x", true)]
    [InlineData("urn:service:sos", null, "urn:service:sos", null, false)]
    public void Parses_display_name_uri_and_tag(string text, string? displayName, string uri, string? tag, bool bracketed)
    {
        NameAddress value = Parse(text);
        Assert.Equal(displayName, value.DisplayName);
        Assert.Equal(uri, value.Uri.ToString());
        Assert.Equal(tag, value.Tag);
        Assert.Equal(bracketed, value.HasAngleBrackets);
    }

    [Fact]
    public void Parameters_after_an_unbracketed_uri_belong_to_the_header()
    {
        NameAddress unbracketed = Parse("sip:+19725552222@gw1.example.net;unknownparam");
        Assert.Empty(unbracketed.Uri.Parameters);
        Assert.True(unbracketed.Parameters.Contains("unknownparam"));

        NameAddress bracketed = Parse("<sip:+19725552222@gw1.example.net;unknownparam>");
        Assert.True(bracketed.Uri.Parameters.Contains("unknownparam"));
        Assert.Empty(bracketed.Parameters);
    }

    [Fact]
    public void Parameters_keep_order_and_quoting()
    {
        NameAddress value = Parse("<sip:a@example.com>;expires=60;q=0.5;+sip.instance=\"<urn:uuid:1>\";lr");
        Assert.Equal(
            [new SipParameter("expires", "60"), new SipParameter("q", "0.5"), new SipParameter("+sip.instance", "<urn:uuid:1>", true), new SipParameter("lr", null)],
            value.Parameters);
        Assert.Equal("<sip:a@example.com>;expires=60;q=0.5;+sip.instance=\"<urn:uuid:1>\";lr", value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<sip:a@example.com")]
    [InlineData("<sip:a@example.com>;")]
    [InlineData("<sip:a@example.com>;;")]
    [InlineData("<sip:a@example.com>;tag")]
    [InlineData("<sip:a@example.com>;tag=\"x\"")]
    [InlineData("<sip:a@example.com>;tag=1;tag=2")]
    [InlineData("<sip:a@example.com>;a=")]
    [InlineData("<sip:a@example.com> junk")]
    [InlineData("<sip:a@example.com>,<sip:b@example.com>")]
    [InlineData("\"unterminated <sip:a@example.com>")]
    [InlineData("\"x\" sip:a@example.com")]
    [InlineData("Joe \"x\" <sip:a@example.com>")]
    [InlineData("< sip:a@example.com>")]
    [InlineData("<sip:a@example.com >")]
    [InlineData("<>")]
    [InlineData("<sip:a@exa mple.com>")]
    [InlineData("sip:a@example.com?Route=x")]
    [InlineData("sip:a,b@example.com")]
    [InlineData("Bell, Alexander <sip:a.g.bell@example.com>")]
    [InlineData("<sip:a@example.com>\r\n;tag=1")]
    [InlineData("\"a\\\r\nb\" <sip:a@example.com>")]
    [InlineData("\"\u0001\" <sip:a@example.com>")]
    public void Rejects_malformed_values(string text) => Assert.False(Accepts(text), text);

    [Fact]
    public void A_trailing_line_end_is_trimmed_but_a_line_end_without_fold_inside_is_not_whitespace()
    {
        Assert.Equal("1", Parse("<sip:a@example.com>;tag=1\r\n").Tag);
        Assert.False(Accepts("<sip:a@example.com>\r\n;tag=1"));
    }

    [Fact]
    public void Rejects_bytes_that_are_not_utf8_in_a_quoted_display_name()
    {
        Assert.False(NameAddress.TryParse([(byte)'"', 0xC3, (byte)'"', (byte)' ', .. "<sip:a@example.com>"u8], out _));
    }

    [Fact]
    public void Parses_lists_splitting_only_on_top_level_commas()
    {
        var list = new List<NameAddress>();
        Assert.True(NameAddress.TryParseList("\"Watson, Thomas\" <sip:a,b@example.com>;q=0.7 ,\r\n sip:c@example.com;expires=5, <tel:+44-20-7946-0000>"u8, list));
        Assert.Equal(3, list.Count);
        Assert.Equal("Watson, Thomas", list[0].DisplayName);
        Assert.Equal("a,b", list[0].Uri.User);
        Assert.Equal("5", list[1].Parameters.GetValueOrDefault("expires"));
        Assert.True(list[2].Uri.IsTel);

        int before = list.Count;
        Assert.False(NameAddress.TryParseList("<sip:d@example.com>, , <sip:e@example.com>"u8, list));
        Assert.False(NameAddress.TryParseList("<sip:d@example.com>,"u8, list));
        Assert.False(NameAddress.TryParseList(""u8, list));
        Assert.Equal(before, list.Count);
    }

    [Fact]
    public void Route_lists_require_angle_brackets()
    {
        var routes = new List<NameAddress>();
        Assert.True(NameAddress.TryParseRouteList("<sip:p1.example.com;lr>,<sip:p2.example.com;lr>"u8, routes));
        Assert.All(routes, r => Assert.True(r.Uri.IsLooseRouter));
        Assert.False(NameAddress.TryParseRouteList("sip:p1.example.com"u8, routes));
        Assert.Equal(2, routes.Count);
    }

    [Fact]
    public void Formats_a_canonical_form_and_sets_tags()
    {
        NameAddress value = Parse("caller<sip:caller@Example.com>;tag=323");
        Assert.Equal("\"caller\" <sip:caller@example.com>;tag=323", value.ToString());
        Assert.Equal("\"J Rosenberg \\\\\\\"\" <sip:jdrosen@example.com>", Parse("\"J Rosenberg \\\\\\\"\" <sip:jdrosen@example.com>").ToString());

        NameAddress tagged = Parse("<sip:a@example.com>;x=1").WithTag("f00");
        Assert.Equal("<sip:a@example.com>;x=1;tag=f00", tagged.ToString());
        Assert.Equal("b4r", tagged.WithTag("b4r").Tag);

        NameAddress built = NameAddress.Create(SipUri.Create("sip", "bob", null, "biloxi.com"), "Bob \"B\"", [new("tag", "1")]);
        Assert.Equal("\"Bob \\\"B\\\"\" <sip:bob@biloxi.com>;tag=1", built.ToString());
        Assert.Throws<ArgumentException>(() => NameAddress.Create(built.Uri, null, [new("bad name", "x")]));
    }

    // RFC 4475 torture messages: From / To / Contact / Route values.

    [Fact]
    public void Torture_wsinv_folded_to_from_and_contact()
    {
        var message = RawMessage.Load("torture", "wsinv.dat");
        NameAddress to = Parse(message.Value("To", "t"));
        Assert.Equal("sip:vivekg@chair-dnrc.example.com", to.Uri.ToString());
        Assert.Equal("1918181833n", to.Tag);
        Assert.False(to.HasAngleBrackets);

        NameAddress from = Parse(message.Value("From", "f"));
        Assert.Equal("J Rosenberg \\\"", from.DisplayName);
        Assert.Equal("98asjd8", from.Tag);

        var contacts = new List<NameAddress>();
        Assert.True(ContactHeader.TryParse(message.Value("Contact", "m"), contacts, out bool wildcard));
        Assert.False(wildcard);
        NameAddress contact = Assert.Single(contacts);
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal([new SipParameter("newparam", "newvalue"), new SipParameter("secondparam", null), new SipParameter("q", "0.33")], contact.Parameters);

        var routes = new List<NameAddress>();
        Assert.True(NameAddress.TryParseRouteList(message.Value("Route"), routes));
        SipUri route = Assert.Single(routes).Uri;
        Assert.True(route.IsLooseRouter);
        Assert.Equal("value", route.Parameters.GetValueOrDefault("unknownwith"));
        Assert.True(route.Parameters.Contains("unknown-no-value"));
    }

    [Fact]
    public void Torture_intmeth_unusual_display_names_and_parameters()
    {
        var message = RawMessage.Load("torture", "intmeth.dat");
        NameAddress to = Parse(message.Value("To"));
        Assert.Equal("BEL:\a NUL:\0 DEL:\u007F", to.DisplayName);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", to.Uri.User);

        NameAddress from = Parse(message.Value("From"));
        Assert.Equal("token1~` token2'+_ token3*%!.-", from.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", from.Tag);
        Assert.Equal("работающий", from.Parameters.GetValueOrDefault("fromParam''~+*_!.-%"));
    }

    [Theory]
    [InlineData("esc01.dat", "To", null, "user")]
    [InlineData("esc01.dat", "From", null, "I have spaces")]
    [InlineData("esc02.dat", "To", "%Z%45", "resource")]
    [InlineData("esc02.dat", "From", "%Z%45", "resource")]
    [InlineData("escnull.dat", "To", null, "null-\0-null")]
    [InlineData("escnull.dat", "From", null, "null-\0-null")]
    [InlineData("lwsdisp.dat", "From", "caller", "caller")]
    [InlineData("badaspec.dat", "From", "Bell, Alexander", "a.g.bell")]
    [InlineData("badvers.dat", "From", "A. Bell", "a.g.bell")]
    [InlineData("badvers.dat", "To", "T. Watson", "t.watson")]
    public void Torture_valid_from_and_to_values(string file, string header, string? displayName, string user)
    {
        NameAddress value = Parse(RawMessage.Load("torture", file).Value(header));
        Assert.Equal(displayName, value.DisplayName);
        Assert.Equal(user, value.Uri.User);
    }

    [Fact]
    public void Torture_unksm2_unknown_schemes_in_to_from_and_contact()
    {
        var message = RawMessage.Load("torture", "unksm2.dat");
        Assert.Equal("isbn", Parse(message.Value("To")).Uri.Scheme);
        NameAddress from = Parse(message.Value("From"));
        Assert.Equal("http", from.Uri.Scheme);
        Assert.Equal("3234233", from.Tag);
        var contacts = new List<NameAddress>();
        Assert.True(ContactHeader.TryParse(message.Value("Contact"), contacts, out _));
        Assert.Equal("name:John_Smith", contacts[0].Uri.ToString());
    }

    [Fact]
    public void Torture_longreq_long_display_names_and_parameters()
    {
        var message = RawMessage.Load("torture", "longreq.dat");
        NameAddress to = Parse(message.Value("To"));
        Assert.StartsWith("I have a user name of extreme", to.DisplayName);
        Assert.Equal(6000, to.Uri.Port);
        Assert.Equal(3, to.Uri.Parameters.Count);
        NameAddress from = Parse(message.Value("F"));
        Assert.Equal(155, from.Tag!.Length);
        Assert.Equal(3, from.Parameters.Count);
    }

    [Fact]
    public void Torture_quotbal_unterminated_quoted_display_name_is_rejected()
    {
        var message = RawMessage.Load("torture", "quotbal.dat");
        Assert.False(NameAddress.TryParse(message.Value("To"), out _));
        Assert.True(NameAddress.TryParse(message.Value("From"), out _));
    }

    [Fact]
    public void Torture_badaspec_spaces_inside_angle_brackets_are_rejected()
    {
        var message = RawMessage.Load("torture", "badaspec.dat");
        Assert.False(NameAddress.TryParse(message.Value("To"), out _));
    }

    [Fact]
    public void Torture_baddn_unquoted_display_names_with_commas_are_rejected()
    {
        var message = RawMessage.Load("torture", "baddn.dat");
        Assert.False(NameAddress.TryParse(message.Value("From"), out _));
        Assert.False(NameAddress.TryParse(message.Value("To"), out _));
    }

    [Fact]
    public void Torture_noreason_and_unreason_have_ordinary_tags()
    {
        Assert.Equal("902jndnke3", Parse(RawMessage.Load("torture", "noreason.dat").Value("To")).Tag);
        Assert.Equal("2229", Parse(RawMessage.Load("torture", "unreason.dat").Value("To")).Tag);
    }

    [Fact]
    public void Torture_inv2543_record_route_with_maddr()
    {
        var message = RawMessage.Load("torture", "inv2543.dat");
        var routes = new List<NameAddress>();
        Assert.True(NameAddress.TryParseRouteList(message.Value("Record-Route"), routes));
        Assert.Equal("ss1.example.com", routes[0].Uri.MAddr);

        // An unbracketed To: ";user=phone" is a header parameter here, not a URI parameter (RFC 3261 §20.10).
        NameAddress to = Parse(message.Value("To"));
        Assert.Null(to.Uri.UserParameter);
        Assert.Equal("phone", to.Parameters.GetValueOrDefault("user"));
    }

    [Fact]
    public void Sipt_bye_to_from_and_route()
    {
        var message = RawMessage.Load("calls", "nmusco_sipt_BYE_reason_q850_isup_REL.bin");
        Assert.Equal("A731-9C13", Parse(message.Value("To")).Tag);
        NameAddress from = Parse(message.Value("From"));
        Assert.Equal("4599082206", from.DisplayName);
        Assert.Equal("4599082206", from.Uri.TelephoneNumber);
        var routes = new List<NameAddress>();
        Assert.True(NameAddress.TryParseRouteList(message.Value("Route"), routes));
        Assert.Equal("d6.644f5eb4", routes[0].Uri.Parameters.GetValueOrDefault("did"));
    }

    // Property: structured values format to text that parses back to the same value.

    private static readonly Gen<string> Token = Gen.Choose(1, 10).SelectMany(length =>
        Gen.ArrayOf(Gen.Elements("abcXYZ019-.!%*_+`'~".ToCharArray()), length).Select(chars => new string(chars)));

    private static readonly Gen<string> Text = Gen.Choose(0, 12).SelectMany(length =>
        Gen.ArrayOf(Gen.OneOf(
            Gen.Choose(0x20, 0x7E).Select(c => (char)c),
            Gen.Elements('"', '\\', '\t', '\0', '\u007F', 'ж', '<', ',', ';')), length).Select(chars => new string(chars)));

    private static readonly Gen<SipUri> Uri = Gen.OneOf(
        from user in Gen.OneOf(Gen.Constant<string?>(null), Text.Where(t => t.Length > 0).Select(t => (string?)t))
        from host in Gen.Elements("example.com", "192.0.2.1", "[2001:db8::1]")
        from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 65535).Select(p => (int?)p))
        from parameter in Gen.OneOf(Gen.Constant(Array.Empty<SipParameter>()), Token.Select(t => new[] { new SipParameter(t, null) }))
        select SipUri.Create("sip", user, null, host, port, parameter),
        Gen.Elements("tel:+1-201-555-0123", "tel:7042;phone-context=example.com", "urn:service:sos", "isbn:2983792873")
            .Select(t => { SipUri.TryParse(t, out SipUri? u); return u!; }));

    private static readonly Gen<SipParameter> Parameter = Gen.OneOf(
        Token.Select(name => new SipParameter(name, null)),
        Gen.Zip(Token, Token).Select(p => new SipParameter(p.Item1, p.Item2)),
        Gen.Zip(Token, Text).Select(p => new SipParameter(p.Item1, p.Item2, true)));

    private static readonly Gen<(string? Display, SipUri Uri, SipParameter[] Parameters)> Values =
        from display in Gen.OneOf(Gen.Constant<string?>(null), Text.Select(t => (string?)t))
        from uri in Uri
        from parameters in Gen.ArrayOf(Parameter.Where(p => !p.Is("tag")))
        from tag in Gen.OneOf(Gen.Constant<string?>(null), Token.Select(t => (string?)t))
        select (display, uri, tag is null ? parameters : [.. parameters, new SipParameter("tag", tag)]);

    [Fact]
    public void Property_structured_values_round_trip_through_their_text()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Values.ToArbitrary(), v =>
        {
            string text = NameAddress.Create(v.Uri, v.Display, v.Parameters).ToString();
            NameAddress parsed = Parse(text);
            Assert.Equal(v.Display, parsed.DisplayName);
            Assert.Equal(v.Uri, parsed.Uri);
            Assert.Equal(v.Uri.ToString(), parsed.Uri.ToString());
            Assert.Equal(v.Parameters, parsed.Parameters);
            Assert.Equal(v.Parameters.LastOrDefault(p => p.Is("tag")).Value, parsed.Tag);
            Assert.Equal(text, parsed.ToString());
        }));
    }
}
