using System.Text;

namespace Gateway.Sip.Tests;

public sealed class ContactHeaderTests
{
    private static bool Accepts(string value) => ContactHeader.TryParse(Encoding.UTF8.GetBytes(value), [], out _);

    [Theory]
    [InlineData("*")]
    [InlineData("  *\r\n ")]
    public void Recognises_the_wildcard(string value)
    {
        var contacts = new List<NameAddress>();
        Assert.True(ContactHeader.TryParse(Encoding.UTF8.GetBytes(value), contacts, out bool wildcard));
        Assert.True(wildcard);
        Assert.Empty(contacts);
        Assert.True(ContactHeader.IsWildcard(Encoding.UTF8.GetBytes(value)));
    }

    [Theory]
    [InlineData("<sip:a@example.com>;q=0.7;expires=3600")]
    [InlineData("<sip:a@example.com>;q=1.000, <sip:b@example.com>;q=0")]
    [InlineData("sip:a@example.com;expires=280297596632815")]
    [InlineData("\"Mr. Watson\" <sip:watson@worcester.bell-telephone.com>;q=0.7; expires=3600, \"Mr. Watson\" <mailto:watson@bell-telephone.com> ;q=0.1")]
    public void Accepts_valid_contacts(string value) => Assert.True(Accepts(value), value);

    [Theory]
    [InlineData("<sip:a@example.com>;q=1.5")]
    [InlineData("<sip:a@example.com>;q=2")]
    [InlineData("<sip:a@example.com>;q=0.1234")]
    [InlineData("<sip:a@example.com>;q=.5")]
    [InlineData("<sip:a@example.com>;q")]
    [InlineData("<sip:a@example.com>;expires=soon")]
    [InlineData("<sip:a@example.com>;expires=-1")]
    [InlineData("*, <sip:a@example.com>")]
    [InlineData("")]
    public void Rejects_invalid_contacts(string value) => Assert.False(Accepts(value), value);

    [Fact]
    public void Nothing_is_added_when_a_later_contact_is_invalid()
    {
        var contacts = new List<NameAddress>();
        Assert.False(ContactHeader.TryParse("<sip:a@example.com>, <sip:b@example.com>;q=7"u8, contacts, out _));
        Assert.Empty(contacts);
    }

    [Fact]
    public void Torture_badinv01_extra_separators_are_rejected()
    {
        var message = RawMessage.Load("torture", "badinv01.dat");
        Assert.False(ContactHeader.TryParse(message.Value("Contact"), [], out _));
    }

    [Fact]
    public void Torture_regbadct_escaped_header_outside_angle_brackets_is_rejected()
    {
        var message = RawMessage.Load("torture", "regbadct.dat");
        Assert.False(ContactHeader.TryParse(message.Value("Contact"), [], out _));
    }

    [Fact]
    public void Torture_regescrt_escaped_header_inside_angle_brackets_is_accepted()
    {
        var message = RawMessage.Load("torture", "regescrt.dat");
        var contacts = new List<NameAddress>();
        Assert.True(ContactHeader.TryParse(message.Value("M"), contacts, out _));
        Assert.Equal("<sip:sip.example.com>", contacts[0].Uri.Headers.GetValueOrDefault("Route"));
    }

    [Theory]
    [InlineData("cparam01.dat", false)]
    [InlineData("cparam02.dat", true)]
    public void Torture_cparam_unknownparam_belongs_to_the_header_unless_bracketed(string file, bool inUri)
    {
        var contacts = new List<NameAddress>();
        Assert.True(ContactHeader.TryParse(RawMessage.Load("torture", file).Value("Contact"), contacts, out _));
        Assert.Equal(inUri, contacts[0].Uri.Parameters.Contains("unknownparam"));
        Assert.Equal(!inUri, contacts[0].Parameters.Contains("unknownparam"));
        Assert.Equal("+19725552222", contacts[0].Uri.User);
    }

    [Fact]
    public void Torture_escnull_contacts_with_escaped_nuls()
    {
        var message = RawMessage.Load("torture", "escnull.dat");
        var contacts = new List<NameAddress>();
        foreach (byte[] value in message.Values("Contact"))
        {
            Assert.True(ContactHeader.TryParse(value, contacts, out _));
        }

        Assert.Equal(["\0", "\0\0"], contacts.Select(c => c.Uri.User));
    }

    [Fact]
    public void Torture_esc01_folded_contact_with_escaped_parameters()
    {
        var contacts = new List<NameAddress>();
        Assert.True(ContactHeader.TryParse(RawMessage.Load("torture", "esc01.dat").Value("Contact"), contacts, out _));
        Assert.Equal("caller", contacts[0].Uri.User);
        Assert.Equal("value%41", contacts[0].Uri.Parameters.GetValueOrDefault("name"));
    }

    [Fact]
    public void Torture_scalar02_oversized_contact_expires_is_tolerated()
    {
        var contacts = new List<NameAddress>();
        Assert.True(ContactHeader.TryParse(RawMessage.Load("torture", "scalar02.dat").Value("Contact"), contacts, out _));
        Assert.Equal("280297596632815", contacts[0].Parameters.GetValueOrDefault("expires"));
    }
}
