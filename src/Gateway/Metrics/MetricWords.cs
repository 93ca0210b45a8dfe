namespace Gateway.Metrics;

/// <summary>
/// The label values the daemon passes to <see cref="GatewayMetrics"/>. Constants, so every call site passes the same
/// interned string and a dashboard's query cannot drift from the code by a typo.
/// </summary>
public static class MetricWords
{
    public const string SipToIsup = "sip-to-isup";
    public const string IsupToSip = "isup-to-sip";

    public const string Answered = "answered";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";
    public const string Refused = "refused";

    public const string Sip = "sip";
    public const string Isup = "isup";
    public const string M3ua = "m3ua";

    public const string AspDown = "down";
    public const string AspInactive = "inactive";
    public const string AspActive = "active";
}
