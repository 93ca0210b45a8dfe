namespace Gateway.Sip;

/// <summary>
/// A header field the TU adds to a request or response the stack builds (<c>Contact</c>, <c>Content-Type</c>,
/// <c>Route</c>, <c>Reason</c>...). The stack writes it as given, after checking that the name is a token and that
/// the value holds no line break other than a fold (<see cref="SipMessageWriter"/>).
/// </summary>
/// <param name="Name">The header name, e.g. <c>Content-Type</c>.</param>
/// <param name="Value">The header value, e.g. <c>application/sdp</c>.</param>
public readonly record struct SipHeader(string Name, string Value)
{
    /// <summary>Whether this header has the given name (case-insensitively, RFC 3261 §7.3.1).</summary>
    /// <param name="name">The long-form name to compare with.</param>
    /// <returns>True if the names match.</returns>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
