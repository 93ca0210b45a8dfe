using Gateway.Interworking;
using Gateway.Sip;

namespace Gateway.Tests.Interworking.Mapping;

/// <summary>The cause tables both ways (RFC 3398 §7.2.4.1 and §8.2.6.1), their overrides, and the Reason header in both directions.</summary>
public sealed class CauseMappingTests
{
    private static readonly IReadOnlyList<ReasonValue> NoReason = [];
    private readonly CallMapping _mapping = new();

    /// <summary>RFC 3398 §7.2.4.1, every row (29 → 501: the RFC prints 510, a known typo).</summary>
    public static TheoryData<byte, int> CauseToStatusRows => new()
    {
        { 1, 404 }, { 2, 404 }, { 3, 404 }, { 17, 486 }, { 18, 408 }, { 19, 480 }, { 20, 480 }, { 21, 403 },
        { 22, 410 }, { 23, 410 }, { 26, 404 }, { 27, 502 }, { 28, 484 }, { 29, 501 }, { 31, 480 },
        { 34, 503 }, { 38, 503 }, { 41, 503 }, { 42, 503 }, { 47, 503 }, { 55, 403 }, { 57, 403 }, { 58, 503 },
        { 65, 488 }, { 70, 488 }, { 79, 501 }, { 87, 403 }, { 88, 503 }, { 102, 504 }, { 111, 500 }, { 127, 500 },
    };

    /// <summary>Causes without a row take their Q.850 class's status.</summary>
    public static TheoryData<byte, int> CauseClassDefaults => new()
    {
        { 16, 480 }, { 25, 480 }, { 44, 503 }, { 50, 503 }, { 69, 501 }, { 96, 500 }, { 99, 500 }, { 103, 500 }, { 110, 500 }, { 120, 500 },
    };

    /// <summary>RFC 3398 §8.2.6.1, every row.</summary>
    public static TheoryData<int, byte> StatusToCauseRows => new()
    {
        { 400, 41 }, { 401, 21 }, { 402, 21 }, { 403, 21 }, { 404, 1 }, { 405, 63 }, { 406, 79 }, { 407, 21 }, { 408, 102 },
        { 410, 22 }, { 413, 127 }, { 414, 127 }, { 415, 79 }, { 416, 127 }, { 420, 127 }, { 421, 127 }, { 423, 127 },
        { 480, 18 }, { 481, 41 }, { 482, 25 }, { 483, 25 }, { 484, 28 }, { 485, 1 }, { 486, 17 },
        { 500, 41 }, { 501, 79 }, { 502, 38 }, { 503, 41 }, { 504, 102 }, { 505, 127 }, { 513, 127 },
        { 600, 17 }, { 603, 21 }, { 604, 1 },
    };

    [Theory]
    [MemberData(nameof(CauseToStatusRows))]
    [MemberData(nameof(CauseClassDefaults))]
    public void A_REL_cause_before_answer_gives_RFC_3398_s_status(byte cause, int status) =>
        Assert.Equal(status, _mapping.StatusForCause(cause));

    [Theory]
    [MemberData(nameof(StatusToCauseRows))]
    public void A_failure_response_gives_RFC_3398_s_cause(int status, byte cause) =>
        Assert.Equal(cause, _mapping.CauseForStatus(status, NoReason));

    [Theory]
    [InlineData(487)]
    [InlineData(488)]
    [InlineData(606)]
    [InlineData(499)]
    [InlineData(580)]
    public void A_status_without_a_row_gives_31(int status) => Assert.Equal(31, _mapping.CauseForStatus(status, NoReason));

    [Fact]
    public void A_Q850_Reason_in_the_response_wins_over_the_table() =>
        Assert.Equal(34, _mapping.CauseForStatus(486, SipText.Reasons("SIP;cause=486, Q.850;cause=34;text=\"No circuit/channel available\"")));

    [Fact]
    public void Overrides_replace_only_the_rows_they_name()
    {
        var mapping = new CallMapping(new CallMappingOptions
        {
            CauseToStatusOverrides = new Dictionary<byte, int> { [47] = 480, [21] = 603 },
            StatusToCauseOverrides = new Dictionary<int, byte> { [487] = 127, [488] = 31, [400] = 31 },
            UnlistedStatusCause = 127,
        });

        Assert.Equal(480, mapping.StatusForCause(47));
        Assert.Equal(603, mapping.StatusForCause(21));
        Assert.Equal(486, mapping.StatusForCause(17));
        Assert.Equal(127, mapping.CauseForStatus(487, NoReason));
        Assert.Equal(31, mapping.CauseForStatus(400, NoReason));
        Assert.Equal(17, mapping.CauseForStatus(486, NoReason));
        Assert.Equal(127, mapping.CauseForStatus(499, NoReason));
    }

    [Fact]
    public void An_override_outside_the_ranges_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CallMapping(new CallMappingOptions { CauseToStatusOverrides = new Dictionary<byte, int> { [200] = 480 } }));
        Assert.Throws<ArgumentException>(() => new CallMapping(new CallMappingOptions { CauseToStatusOverrides = new Dictionary<byte, int> { [17] = 200 } }));
        Assert.Throws<ArgumentException>(() => new CallMapping(new CallMappingOptions { StatusToCauseOverrides = new Dictionary<int, byte> { [486] = 0 } }));
        Assert.Throws<ArgumentException>(() => new CallMapping(new CallMappingOptions { CancelWithoutReasonCause = 128 }));
    }

    // ---- CANCEL ----

    /// <summary>
    /// Reason header values of CANCEL as the seeds and the digest write them, with the REL cause each gives. The texts
    /// are copied exactly, including the spaces before the semicolons and the typographic quotes.
    /// </summary>
    public static TheoryData<string, byte> CancelReasons => new()
    {
        // /work/shared/seeds/000_7955d30df210c432.txt, the CANCEL example (typographic quotes U+201C … U+201D).
        { "SIP ;cause=486 ;text=\u201CBusy Here\u201D", 17 },
        // /work/shared/seeds/000_7955d30df210c432.txt, the forking CANCEL (U+201D on both sides).
        { "SIP ;cause=200 ;text=\u201Dcall completed elsewhere\u201D", 26 },
        // /work/shared/seeds/README.md, the same two with straight quotes.
        { "SIP ;cause=486 ;text=\"Busy Here\"", 17 },
        { "SIP;cause=200;text=\"call completed elsewhere\"", 26 },
        // RFC 3326 §2's spelling, capitalised.
        { "SIP ;cause=200 ;text=\"Call completed elsewhere\"", 26 },
        { "SIP;cause=200;text=\"CALL COMPLETED ELSEWHERE\"", 26 },
        // The digest's §4.4 rows: 480 → 18, 404 → 1, 603 → 21; Q.850 as given.
        { "SIP;cause=480", 18 },
        { "SIP;cause=404;text=\"Not Found\"", 1 },
        { "SIP;cause=603;text=\"Decline\"", 21 },
        { "Q.850 ;cause=16 ;text=\"Terminated\"", 16 },
        { "Q.850;cause=31", 31 },
        // Q.850 wins over SIP in either order (asterisk PR #161, AudioCodes).
        { "SIP;cause=486;text=\"Busy Here\", Q.850;cause=21", 21 },
        { "Q.850;cause=21, SIP;cause=486", 21 },
        // A status no table lists: 31, as for a response.
        { "SIP;cause=487;text=\"Request Terminated\"", 31 },
        // A protocol we do not know says nothing: the no-Reason default.
        { "X-Vendor;cause=9", 16 },
    };

    [Theory]
    [MemberData(nameof(CancelReasons))]
    public void A_CANCEL_Reason_gives_its_REL_cause(string headerValue, byte cause) =>
        Assert.Equal(cause, _mapping.CauseForCancel(SipText.Reasons(headerValue)));

    [Fact]
    public void A_CANCEL_Reason_header_in_a_whole_message_is_read_with_the_seed_spacing()
    {
        // /work/shared/seeds/000_7955d30df210c432.txt, the CANCEL example as a message.
        using SipMessage cancel = SipText.Request("CANCEL", "sip:bob@192.168.10.20", ["Reason: SIP ;cause=486 ;text=\u201CBusy Here\u201D"]);
        var reasons = new List<ReasonValue>();
        Assert.True(ReasonHeader.TryParseList(cancel.GetHeaderValue(SipHeaderName.Reason), reasons));
        Assert.Equal(17, _mapping.CauseForCancel(reasons));
    }

    [Fact]
    public void A_CANCEL_without_Reason_gives_16() => Assert.Equal(16, _mapping.CauseForCancel(NoReason));

    [Fact]
    public void The_three_CANCEL_defaults_are_configurable()
    {
        var mapping = new CallMapping(new CallMappingOptions { CancelWithoutReasonCause = 31, CancelCompletedElsewhereCause = 16, CancelUnlistedStatusCause = 127 });
        Assert.Equal(31, mapping.CauseForCancel(NoReason));
        Assert.Equal(16, mapping.CauseForCancel(SipText.Reasons("SIP ;cause=200 ;text=\u201Dcall completed elsewhere\u201D")));
        Assert.Equal(127, mapping.CauseForCancel(SipText.Reasons("SIP;cause=487")));
        Assert.Equal(17, mapping.CauseForCancel(SipText.Reasons("SIP;cause=486")));
        // A response's unlisted status is not the CANCEL's setting.
        Assert.Equal(31, mapping.CauseForStatus(487, NoReason));
    }

    // ---- BYE ----

    [Fact]
    public void A_BYE_takes_its_Q850_cause_else_16()
    {
        Assert.Equal(16, _mapping.CauseForBye(NoReason));
        Assert.Equal(16, _mapping.CauseForBye(SipText.Reasons("SIP;cause=486")));
        Assert.Equal(17, _mapping.CauseForBye(SipText.Reasons("Q.850;cause=17;text=\"User busy\"")));
        Assert.Equal(41, _mapping.CauseForBye(SipText.Reasons("SIP;cause=500, q.850;cause=41")));
    }

    [Fact]
    public void A_Q850_cause_outside_1_to_127_is_ignored()
    {
        Assert.Equal(16, _mapping.CauseForBye(SipText.Reasons("Q.850;cause=0")));
        Assert.Equal(17, _mapping.CauseForCancel(SipText.Reasons("Q.850;cause=300, SIP;cause=486")));
    }

    // ---- Reason toward SIP ----

    [Theory]
    [InlineData(16, "Q.850;cause=16;text=\"Normal call clearing\"")]
    [InlineData(17, "Q.850;cause=17;text=\"User busy\"")]
    [InlineData(18, "Q.850;cause=18;text=\"No user responding\"")]
    [InlineData(19, "Q.850;cause=19;text=\"No answer from user (user alerted)\"")]
    [InlineData(1, "Q.850;cause=1;text=\"Unallocated (unassigned) number\"")]
    [InlineData(21, "Q.850;cause=21;text=\"Call rejected\"")]
    [InlineData(26, "Q.850;cause=26;text=\"Non-selected user clearing\"")]
    [InlineData(31, "Q.850;cause=31;text=\"Normal, unspecified\"")]
    [InlineData(34, "Q.850;cause=34;text=\"No circuit/channel available\"")]
    [InlineData(102, "Q.850;cause=102;text=\"Recovery on timer expiry\"")]
    [InlineData(127, "Q.850;cause=127;text=\"Interworking, unspecified\"")]
    [InlineData(120, "Q.850;cause=120")]
    public void ReasonFor_writes_the_cause_with_its_Q850_name(byte cause, string expected) => Assert.Equal(expected, _mapping.ReasonFor(cause));

    [Fact]
    public void Every_Reason_we_write_parses_back_to_its_cause()
    {
        for (byte cause = 1; cause <= 127; cause++)
        {
            IReadOnlyList<ReasonValue> reasons = SipText.Reasons(_mapping.ReasonFor(cause));
            Assert.Equal(cause, _mapping.CauseForBye(reasons));
        }
    }

    [Fact]
    public void The_per_call_cause_look_ups_allocate_nothing()
    {
        IReadOnlyList<ReasonValue> cancel = SipText.Reasons("SIP ;cause=486 ;text=\u201CBusy Here\u201D, Q.850;cause=17");
        IReadOnlyList<ReasonValue> sipOnly = SipText.Reasons("SIP;cause=603");
        int sum = _mapping.StatusForCause(17) + _mapping.CauseForCancel(cancel) + _mapping.CauseForStatus(486, NoReason) + _mapping.ReasonFor(16).Length;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            sum += _mapping.StatusForCause((byte)(i & 0x7F)) + _mapping.CauseForCancel(cancel) + _mapping.CauseForCancel(sipOnly)
                + _mapping.CauseForBye(NoReason) + _mapping.CauseForStatus(400 + (i % 300), NoReason) + _mapping.ReasonFor((byte)i).Length;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }
}
