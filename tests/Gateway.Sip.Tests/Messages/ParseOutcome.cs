using System.Buffers;
using System.Text;

namespace Gateway.Sip.Tests.Messages;

/// <summary>
/// Everything observable about a parse, as one comparable string: the result, and for a message its start
/// line, every header field, the scalar values and the body. Two parses are "the same" when these are equal.
/// </summary>
internal static class ParseOutcome
{
    public static string Describe(SipParseResult result, SipMessage? message)
    {
        var text = new StringBuilder();
        text.Append(result.Status).Append('|').Append(result.Error).Append('|').Append(result.Header)
            .Append('|').Append(result.ErrorOffset).Append('|').Append(result.CanRespond).Append('|').Append(result.FramingLost);
        if (message is not null)
        {
            text.Append("\n").Append(message.IsRequest).Append(' ').Append(message.Method).Append(' ')
                .Append(Hex(message.MethodToken)).Append(' ').Append(Hex(message.RequestUri)).Append(' ')
                .Append(message.StatusCode).Append(' ').Append(Hex(message.ReasonPhrase)).Append(' ').Append(Hex(message.Version));
            foreach (SipHeaderField field in message.Headers)
            {
                text.Append('\n').Append(Hex(field.Name)).Append(':').Append(Hex(field.Value)).Append(':').Append(field.Id);
            }

            text.Append('\n').Append(message.CSeqNumber).Append(' ').Append(message.CSeqMethod).Append(' ')
                .Append(message.MaxForwards).Append(' ').Append(message.ContentLength)
                .Append("\nbody ").Append(Hex(message.Body)).Append("\nall ").Append(Hex(message.Span));
        }

        return text.ToString();
    }

    /// <summary>Parses a stream buffer and describes the outcome, with how far it consumed.</summary>
    public static string DescribeStream(in ReadOnlySequence<byte> buffer, SipParserOptions? options = null)
    {
        SipParseResult result = SipParser.TryParseStream(buffer, out SequencePosition consumed, out SequencePosition examined, out SipMessage? message, options);
        using (message)
        {
            return Describe(result, message) + $"\nconsumed {buffer.Slice(0, consumed).Length} examined {buffer.Slice(0, examined).Length}";
        }
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
