namespace Gateway.Sip;

/// <summary>Who refreshes a session timer (RFC 4028 <c>refresher</c> parameter).</summary>
public enum SessionRefresher
{
    /// <summary>No refresher parameter: still to be negotiated.</summary>
    Unspecified = 0,

    /// <summary><c>uac</c>: the UA that sent the request.</summary>
    Uac,

    /// <summary><c>uas</c>: the UA that answers it.</summary>
    Uas,
}
