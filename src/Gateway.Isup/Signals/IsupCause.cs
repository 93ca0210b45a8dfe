using System.Globalization;

namespace Gateway.Isup;

/// <summary>
/// A cause indicators value as the procedures use it (Q.850 §2.1, carried by REL, RLC and CFN): the cause value, its
/// location, and the one diagnostic octet the procedures themselves add (the message type code with cause 97, the
/// parameter name with cause 99). Coding standard is always ITU-T. The default value (cause 0, which Q.850 does not
/// assign) means "no cause".
/// </summary>
/// <param name="Value">The Q.850 cause value, 1–127.</param>
/// <param name="Location">Where the cause was generated.</param>
/// <param name="Diagnostic">The diagnostic octet, when the cause carries one.</param>
public readonly record struct IsupCause(byte Value, CauseLocation Location = CauseLocation.PublicNetworkLocalUser, byte? Diagnostic = null)
{
    /// <summary>True when a cause is present (the value is not 0).</summary>
    public bool IsPresent => Value != 0;

    /// <summary>The cause as it reads in a log line, e.g. <c>16</c> or <c>97/0x40</c>.</summary>
    public override string ToString() => Diagnostic is byte diagnostic
        ? string.Create(CultureInfo.InvariantCulture, $"{Value}/0x{diagnostic:X2}")
        : Value.ToString(CultureInfo.InvariantCulture);
}
