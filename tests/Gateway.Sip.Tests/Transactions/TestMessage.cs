using System.Text;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>Stands in for the parsed SIP message the transaction layer's user would hand to transactions.</summary>
internal sealed record TestMessage(string Text)
{
    /// <summary>"Serialised" messages are just their text: the transactions never look inside.</summary>
    public static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
