namespace Gateway.Sip;

/// <summary>
/// A request method. The methods this gateway knows have their own member; any other token that is a valid
/// method is <see cref="Extension"/> and its bytes are in <see cref="SipMessage.MethodToken"/>.
/// Methods are case-sensitive (RFC 3261 §7.1): <c>invite</c> is an extension method, not INVITE.
/// </summary>
public enum SipMethod : byte
{
    /// <summary>Not a request (a response has no method), or no method could be read.</summary>
    None = 0,

    /// <summary>INVITE (RFC 3261).</summary>
    Invite,

    /// <summary>ACK (RFC 3261).</summary>
    Ack,

    /// <summary>BYE (RFC 3261).</summary>
    Bye,

    /// <summary>CANCEL (RFC 3261).</summary>
    Cancel,

    /// <summary>OPTIONS (RFC 3261).</summary>
    Options,

    /// <summary>REGISTER (RFC 3261).</summary>
    Register,

    /// <summary>INFO (RFC 6086); carries ISUP INF/INR and similar in SIP-I.</summary>
    Info,

    /// <summary>PRACK (RFC 3262).</summary>
    Prack,

    /// <summary>UPDATE (RFC 3311).</summary>
    Update,

    /// <summary>SUBSCRIBE (RFC 6665).</summary>
    Subscribe,

    /// <summary>NOTIFY (RFC 6665).</summary>
    Notify,

    /// <summary>REFER (RFC 3515).</summary>
    Refer,

    /// <summary>MESSAGE (RFC 3428).</summary>
    Message,

    /// <summary>PUBLISH (RFC 3903).</summary>
    Publish,

    /// <summary>A syntactically valid method token that is none of the above.</summary>
    Extension,
}
