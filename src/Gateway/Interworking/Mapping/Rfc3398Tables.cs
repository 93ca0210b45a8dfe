namespace Gateway.Interworking;

/// <summary>
/// RFC 3398's two cause tables as data: §7.2.4.1 (a REL before answer → the final response to the INVITE) and
/// §8.2.6.1 (a 4xx–6xx to our INVITE → the REL cause). <see cref="CallMapping"/> copies them into lookup arrays once
/// and lays the operator's overrides on top.
/// </summary>
internal static class Rfc3398Tables
{
    /// <summary>RFC 3398 §7.2.4.1, ISDN cause → SIP status; the §7.2.4.1 typo "510" for cause 29 is read as 501.</summary>
    public static readonly (byte Cause, int Status)[] CauseToStatus =
    [
        (1, 404), (2, 404), (3, 404),
        (17, 486), (18, 408), (19, 480), (20, 480),
        (21, 403), (22, 410), (23, 410), (26, 404), (27, 502), (28, 484), (29, 501), (31, 480),
        (34, 503), (38, 503), (41, 503), (42, 503), (47, 503),
        (55, 403), (57, 403), (58, 503), (65, 488), (70, 488),
        (79, 501), (87, 403), (88, 503), (102, 504), (111, 500), (127, 500),
    ];

    /// <summary>RFC 3398 §8.2.6.1, SIP status → ISDN cause (487, 488 and 606 have no row: they take the unlisted default).</summary>
    public static readonly (int Status, byte Cause)[] StatusToCause =
    [
        (400, 41), (401, 21), (402, 21), (403, 21), (404, 1), (405, 63), (406, 79), (407, 21), (408, 102),
        (410, 22), (413, 127), (414, 127), (415, 79), (416, 127), (420, 127), (421, 127), (423, 127),
        (480, 18), (481, 41), (482, 25), (483, 25), (484, 28), (485, 1), (486, 17),
        (500, 41), (501, 79), (502, 38), (503, 41), (504, 102), (505, 127), (513, 127),
        (600, 17), (603, 21), (604, 1),
    ];

    /// <summary>
    /// The status for a cause no row lists, by Q.850 class (cause value bits 7–5): normal event → 480, resource
    /// unavailable → 503, service or option not available → 503, not implemented → 501, invalid message → 500,
    /// protocol error → 500, interworking → 500. Cause 16 (normal clearing, normally a BYE or CANCEL) thus gets 480.
    /// </summary>
    public static int StatusForCauseClass(int cause) => (cause >> 4) switch
    {
        0 or 1 => 480,
        2 or 3 => 503,
        4 => 501,
        _ => 500,
    };
}
