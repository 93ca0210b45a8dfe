namespace Gateway.M3ua;

/// <summary>How RFC 4666 lists a parameter in a message's format.</summary>
public enum M3uaPresence : byte
{
    /// <summary>Always present: a message without it is refused (Missing Parameter).</summary>
    Mandatory,

    /// <summary>
    /// Present when a condition outside the message holds (several Routing Contexts on the association, the error
    /// concerning a point code…). The codec cannot know the condition, so it treats the parameter as optional; the
    /// procedures that know it answer Missing Parameter themselves.
    /// </summary>
    Conditional,

    /// <summary>May be present.</summary>
    Optional,
}
