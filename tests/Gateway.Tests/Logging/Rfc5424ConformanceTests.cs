using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class Rfc5424ConformanceTests
{
    private static readonly Gen<string> AnyText = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");

    private static readonly Gen<string> Nasty = Gen.Elements(
        "", " ", "\r\n", "\n", "]", "\"", "\\", "=", "{", "}", "{X}", "€", "😀", "\uD800", "\0", "\t", "ü", "a b", "\u2028");

    private static readonly Gen<string> Text = Gen.OneOf(AnyText, Nasty, Gen.ListOf(Nasty).Select(string.Concat));

    private static readonly Gen<LogEvent> Events =
        from template in Text
        from level in Gen.Elements(Enum.GetValues<LogEventLevel>())
        from names in Gen.ListOf(Text)
        from values in Gen.ListOf(Gen.OneOf(Text.Select(s => (object?)s), ArbMap.Default.GeneratorFor<int>().Select(i => (object?)i), Gen.Constant<object?>(null)))
        from context in Gen.OneOf(Text.Select(s => (string?)s), Gen.Constant<string?>(null))
        from withException in ArbMap.Default.GeneratorFor<bool>()
        from exceptionText in Text
        select LogEvents.Create(
            template,
            level,
            sourceContext: context,
            exception: withException ? new InvalidOperationException(exceptionText) : null,
            properties: names.Where(n => !string.IsNullOrWhiteSpace(n)).Zip(values, (n, v) => (Name: n, Value: (object?)v)).DistinctBy(p => p.Name).ToArray());

    [Theory]
    [InlineData(480)]
    [InlineData(2048)]
    public void Every_formatted_event_matches_the_rfc5424_abnf_and_is_one_line_within_the_cap(int cap)
    {
        SyslogSinkOptions options = SyslogTestOptions.Create(SyslogFormat.Rfc5424, maxMessageBytes: cap);
        var formatter = new Rfc5424Formatter(options);
        var buffer = new byte[cap];

        Property property = Prop.ForAll(
            Events.ToArbitrary(),
            e =>
            {
                int length = formatter.Format(e, buffer);
                string? error = Rfc5424Validator.Validate(buffer.AsSpan(0, length));
                return (error is null && length <= cap).Label(error ?? $"length {length}");
            });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Validator_rejects_malformed_lines()
    {
        string[] bad =
        [
            "<192>1 - - - - - - x",                      // PRIVAL too big
            "<13>0 - - - - - -",                         // version 0
            "<13>1 2024-13-01T00:00:00Z h a p m -",     // month 13
            "<13>1 2024-01-01T00:00:00.1234567Z h a p m -", // 7 fraction digits
            "<13>1 - h a p m [id x=\"a]b\"] msg",         // unescaped ]
            "<13>1 - h a p m [id x=\"a\\qb\"]",           // bad escape
            "<13>1 - h a p m - line\nbreak",              // LF
            "<13>1 - h a p " + new string('m', 33) + " -", // MSGID too long
            "<13>1 - h a p m",                            // no SD
        ];

        foreach (string line in bad)
        {
            Assert.NotNull(Rfc5424Validator.Validate(Encoding.UTF8.GetBytes(line)));
        }

        Assert.Null(Rfc5424Validator.Validate("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] An application event log entry..."u8));
        Assert.Null(Rfc5424Validator.Validate("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed for lonvick on /dev/pts/8"u8));
    }
}
