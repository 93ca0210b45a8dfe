namespace Gateway.Sip;

/// <summary>The privacy values a Privacy header can ask for (RFC 3323 §4.2, RFC 3325 §9.3, RFC 7044).</summary>
[Flags]
public enum PrivacyValues
{
    /// <summary>No known value was given.</summary>
    Unspecified = 0,

    /// <summary><c>header</c>: hide headers that could identify the user (Via, Contact...).</summary>
    Header = 1,

    /// <summary><c>session</c>: hide the media session (anonymise SDP addresses).</summary>
    Session = 2,

    /// <summary><c>user</c>: hide user-level identity (From, display names...).</summary>
    User = 4,

    /// <summary><c>id</c>: do not pass P-Asserted-Identity outside the trust domain (maps to ISUP presentation restricted).</summary>
    Id = 8,

    /// <summary><c>critical</c>: the call must fail rather than proceed without the requested privacy.</summary>
    Critical = 16,

    /// <summary><c>history</c>: hide History-Info entries.</summary>
    History = 32,

    /// <summary><c>none</c>: explicitly no privacy (presentation allowed).</summary>
    NoPrivacy = 64,
}
