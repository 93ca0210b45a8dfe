using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Sip.Tests.Messages;

/// <summary>
/// Properties over generated messages: what <see cref="SipMessageWriter"/> writes, <see cref="SipParser"/>
/// reads back field for field; <see cref="SipMessage.WriteTo"/> reproduces it byte for byte; and however a
/// stream delivers it, the result is the same.
/// </summary>
public sealed class RoundTripPropertyTests
{
    [Fact]
    public void Parsing_what_the_writer_wrote_gives_back_every_field()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(GeneratedMessage.Arbitrary, generated =>
        {
            byte[] bytes = generated.Write();
            SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
            using (message)
            {
                Assert.True(result.IsComplete, $"{result} for {generated}");
                Assert.Equal(generated.IsRequest, message!.IsRequest);
                if (generated.IsRequest)
                {
                    Assert.Equal(generated.Method, Sip.Text(message.MethodToken));
                    Assert.Equal(SipMethods.Identify(Encoding.ASCII.GetBytes(generated.Method)), message.Method);
                    Assert.Equal(generated.RequestUri, Sip.Text(message.RequestUri));
                }
                else
                {
                    Assert.Equal(generated.StatusCode, message.StatusCode);
                    Assert.Equal(generated.ReasonPhrase, Sip.Text(message.ReasonPhrase));
                }

                var expected = generated.Headers.Append(("Content-Length", generated.Body.Length.ToString())).ToList();
                Assert.Equal(expected.Count, message.HeaderCount);
                for (int i = 0; i < expected.Count; i++)
                {
                    SipHeaderField field = message.Headers[i];
                    Assert.Equal(expected[i].Item1, Sip.Text(field.Name));
                    Assert.Equal(expected[i].Item2, Sip.Text(field.Value));
                    Assert.Equal(SipHeaderNames.Identify(field.Name), field.Id);
                }

                Assert.Equal(generated.Body, message.Body.ToArray());
                Assert.Equal(generated.Body.Length, message.ContentLength);
            }
        }));
    }

    [Fact]
    public void Write_to_reproduces_the_written_message_byte_for_byte()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(GeneratedMessage.Arbitrary, generated =>
        {
            byte[] bytes = generated.Write();
            using SipMessage message = Sip.ParseValid(bytes);
            var output = new ArrayBufferWriter<byte>();
            message.WriteTo(output);
            Assert.Equal(bytes, output.WrittenSpan.ToArray());
        }));
    }

    [Fact]
    public void A_stream_split_anywhere_parses_as_the_unsplit_stream()
    {
        var cases =
            from generated in GeneratedMessage.Generator
            from cuts in Gen.ArrayOf(Gen.Choose(1, 2000))
            select (generated, cuts);

        Check.QuickThrowOnFailure(Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            byte[] bytes = testCase.generated.Write();
            string oneShot = ParseOutcome.DescribeStream(new ReadOnlySequence<byte>(bytes));
            Assert.StartsWith("Complete|", oneShot);
            Assert.Equal(oneShot, ParseOutcome.DescribeStream(SequenceBuilder.Split(bytes, testCase.cuts)));
        }));
    }

    [Fact]
    public void The_stream_and_datagram_forms_agree_on_a_framed_message()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(GeneratedMessage.Arbitrary, generated =>
        {
            byte[] bytes = generated.Write();
            SipParseResult datagram = SipParser.TryParse(bytes, out SipMessage? fromDatagram);
            SipParseResult stream = SipParser.TryParseStream(new ReadOnlySequence<byte>(bytes), out _, out _, out SipMessage? fromStream);
            using (fromDatagram)
            using (fromStream)
            {
                Assert.Equal(ParseOutcome.Describe(datagram, fromDatagram), ParseOutcome.Describe(stream, fromStream));
            }
        }));
    }

    [Fact]
    public void Damaged_input_never_throws_and_a_message_comes_out_only_when_promised()
    {
        // Valid messages with bytes overwritten, inserted or cut: the parser must give a verdict, not an exception.
        var damaged =
            from generated in GeneratedMessage.Generator
            from edits in Gen.NonEmptyListOf(Gen.Zip(Gen.Choose(0, 3000), Gen.Elements<byte>(0, 9, 10, 13, 32, 58, 60, 200, 45, 48)))
            from kind in Gen.Choose(0, 2)
            select Damage(generated.Write(), edits.Take(4).ToArray(), kind);

        Check.QuickThrowOnFailure(Prop.ForAll(damaged.ToArbitrary(), bytes =>
        {
            SipParseResult result = SipParser.TryParse(bytes, out SipMessage? message);
            using (message)
            {
                Assert.Equal(result.IsComplete || result.CanRespond, message is not null);
                Assert.True(result.IsComplete == (result.Error == SipParseError.None) || result.Status == SipParseStatus.KeepAlive);
                if (message is not null)
                {
                    foreach (SipHeaderField field in message.Headers)
                    {
                        Assert.False(field.Name.IsEmpty);
                    }

                    _ = message.Body.Length;
                }
            }

            ParseOutcome.DescribeStream(SequenceBuilder.Split(bytes, 7, bytes.Length / 2));
        }));
    }

    private static byte[] Damage(byte[] bytes, (int Position, byte Value)[] edits, int kind)
    {
        var list = bytes.ToList();
        foreach (var (position, value) in edits)
        {
            int at = position % Math.Max(1, list.Count);
            switch (kind)
            {
                case 0 when list.Count > 0:
                    list[at] = value;
                    break;
                case 1:
                    list.Insert(at, value);
                    break;
                case 2 when list.Count > 0:
                    list.RemoveAt(at);
                    break;
            }
        }

        return list.ToArray();
    }
}
