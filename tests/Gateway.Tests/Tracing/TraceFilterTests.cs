using System.Text;
using Gateway.Testing;
using Gateway.Tracing;

namespace Gateway.Tests.Tracing;

public sealed class TraceFilterTests
{
    private static bool Sip(TraceFilter filter, byte[] bytes) => filter.Matches(TraceProtocol.Sip, bytes);

    private static bool M3ua(TraceFilter filter, byte[] bytes) => filter.Matches(TraceProtocol.M3ua, bytes);

    [Fact]
    public void The_empty_filter_keeps_everything_even_garbage()
    {
        Assert.True(TraceFilter.Empty.IsEmpty);
        Assert.True(Sip(TraceFilter.Empty, [1, 2, 3]));
        Assert.True(M3ua(TraceFilter.Empty, TraceSamples.AspUp));
        Assert.True(M3ua(TraceFilter.Empty, []));
    }

    [Fact]
    public void A_call_id_keeps_that_call_only_in_full_and_compact_form()
    {
        var filter = new TraceFilter(callIds: [TraceSamples.InviteCallId]);
        Assert.True(Sip(filter, SipSamples.InviteBytes()));
        Assert.True(Sip(filter, TraceSamples.Response(180, "Ringing")));
        Assert.True(Sip(filter, TraceSamples.Options(1, TraceSamples.InviteCallId))); // "i:" compact form
        Assert.False(Sip(filter, TraceSamples.Options(1)));
        Assert.False(Sip(filter, TraceSamples.Response(200, "OK", callId: TraceSamples.InviteCallId + "x")));
        Assert.False(Sip(filter, TraceSamples.Response(200, "OK", callId: TraceSamples.InviteCallId.ToUpperInvariant()))); // ordinal
        Assert.False(M3ua(filter, M3uaWireSamples.DataWithIam)); // no CIC or point code asked for
    }

    [Fact]
    public void Header_names_are_case_insensitive_values_trimmed_and_the_body_is_not_the_header()
    {
        var filter = new TraceFilter(callIds: ["abc@h"]);
        Assert.True(Sip(filter, Encoding.ASCII.GetBytes("BYE sip:x SIP/2.0\r\ncall-id:   abc@h \t\r\n\r\n")));
        Assert.True(Sip(filter, Encoding.ASCII.GetBytes("BYE sip:x SIP/2.0\nI : abc@h\n\n")));
        Assert.False(Sip(filter, Encoding.ASCII.GetBytes("MESSAGE sip:x SIP/2.0\r\nCSeq: 1 MESSAGE\r\n\r\nCall-ID: abc@h\r\n")));
        Assert.False(Sip(filter, Encoding.ASCII.GetBytes("Call-ID: abc@h\r\n"))); // the start line is no header field
        Assert.False(Sip(filter, Encoding.ASCII.GetBytes("BYE sip:x SIP/2.0\r\nX-Call-ID: abc@h\r\n\r\n")));
    }

    [Fact]
    public void A_cic_keeps_isup_data_with_that_cic_only()
    {
        var filter = new TraceFilter(cics: [21]);
        Assert.True(M3ua(filter, M3uaWireSamples.DataWithIam));
        Assert.True(M3ua(filter, TraceSamples.Data(7, 8, TraceSamples.Acm)));
        Assert.False(M3ua(filter, TraceSamples.Data(7, 8, IsupWireSamples.Iam))); // CIC 0x123
        Assert.True(M3ua(new TraceFilter(cics: [0x123]), TraceSamples.Data(7, 8, IsupWireSamples.Iam)));
        Assert.False(M3ua(filter, TraceSamples.AspUp)); // management is dropped by a non-empty filter
        Assert.False(Sip(filter, SipSamples.InviteBytes()));

        // The CIC is 12 bits: the spare high bits of its second octet are not part of it.
        byte[] spare = (byte[])TraceSamples.Acm.Clone();
        spare[1] |= 0xF0;
        Assert.True(M3ua(filter, TraceSamples.Data(7, 8, spare)));

        // A CIC is ISUP's: the same octets under another service indicator (SCCP, 3) are no CIC.
        byte[] sccp = TraceSamples.Data(7, 8, TraceSamples.Acm);
        sccp[28] = 3;
        Assert.False(M3ua(filter, sccp));
    }

    [Fact]
    public void A_point_code_keeps_data_from_or_to_it()
    {
        var byDpc = new TraceFilter(pointCodes: [M3uaWireSamples.Dpc]);
        Assert.True(M3ua(byDpc, M3uaWireSamples.DataWithIam)); // as DPC
        Assert.True(M3ua(byDpc, TraceSamples.Data(M3uaWireSamples.Dpc, M3uaWireSamples.Opc, TraceSamples.Acm))); // as OPC
        Assert.False(M3ua(byDpc, TraceSamples.Data(1, 2, TraceSamples.Acm)));
        Assert.False(M3ua(byDpc, TraceSamples.AspUp));
    }

    [Fact]
    public void Any_listed_value_is_enough()
    {
        var filter = new TraceFilter(callIds: [TraceSamples.TcpCallId], cics: [0x123], pointCodes: [9999]);
        Assert.False(filter.IsEmpty);
        Assert.True(Sip(filter, TraceSamples.Options(1)));
        Assert.True(M3ua(filter, TraceSamples.Data(7, 8, IsupWireSamples.Iam)));
        Assert.True(M3ua(filter, TraceSamples.Data(9999, 8, TraceSamples.Acm)));
        Assert.False(M3ua(filter, M3uaWireSamples.DataWithIam));
    }

    [Fact]
    public void Truncated_and_garbage_messages_never_throw_and_never_match()
    {
        var filter = new TraceFilter(callIds: [TraceSamples.InviteCallId], cics: [21], pointCodes: [M3uaWireSamples.Opc, M3uaWireSamples.Dpc]);
        byte[] invite = SipSamples.InviteBytes();
        byte[] data = M3uaWireSamples.DataWithIam;

        // Every prefix: a cut M3UA message is not read at all; a SIP one still matches once its Call-ID line is whole.
        for (int length = 0; length < data.Length; length++)
        {
            Assert.False(M3ua(filter, data[..length]));
            Assert.False(Sip(filter, data[..length]));
        }

        int callIdEnd = SipSamples.Invite.IndexOf("Call-ID: ", StringComparison.Ordinal) + "Call-ID: ".Length + TraceSamples.InviteCallId.Length;
        for (int length = 0; length < invite.Length; length++)
        {
            Assert.Equal(length >= callIdEnd, Sip(filter, invite[..length]));
            _ = M3ua(filter, invite[..length]);
        }

        var random = new Random(4711);
        byte[] garbage = new byte[256];
        for (int i = 0; i < 20_000; i++)
        {
            int length = random.Next(garbage.Length);
            random.NextBytes(garbage.AsSpan(0, length));
            if (i % 2 == 0 && length >= 8)
            {
                // Make it look like DATA often enough to get into the parameter walk.
                garbage[0] = 1;
                garbage[2] = 1;
                garbage[3] = 1;
            }

            _ = Sip(filter, garbage[..length]);
            _ = M3ua(filter, garbage[..length]);
        }

        // Lengths that lie: a declared message or parameter length beyond the data, or below the minimum.
        byte[] lying = (byte[])data.Clone();
        lying[7] = 0xFF;
        Assert.False(M3ua(filter, lying));
        lying = (byte[])data.Clone();
        lying[18] = 0xFF;
        Assert.False(M3ua(filter, lying));
        lying = (byte[])data.Clone();
        lying[19] = 2;
        lying[18] = 0;
        Assert.False(M3ua(filter, lying));
    }
}
