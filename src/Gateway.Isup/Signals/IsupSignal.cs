using System.Globalization;
using System.Text;

namespace Gateway.Isup;

/// <summary>
/// One ISUP message as the Q.764 procedures see it, independent of the Q.763 wire format: its type, its CIC, and only
/// the fields the procedures act on. Everything else stays in <see cref="Message"/>, the codec's decoded message,
/// which the procedures carry untouched between the codec and call control (IAM, ACM, CPG, ANM, CON, USR, SUS, RES,
/// SAM, INR, INF, FAC, and the optional parameters of REL).
/// </summary>
/// <remarks>
/// <para>
/// Received: the codec decodes a message, fills the fields below that the message has, and hands the signal to
/// <see cref="IsupExchange.Receive"/>. Sent: the procedures build signals (with the factory methods) and give them to
/// <see cref="IIsupSignalSink"/>; the codec encodes <see cref="Message"/> when there is one, and otherwise the message
/// from these fields alone (REL with <see cref="Cause"/>, GRS with <see cref="Range"/>, BLO with nothing, ...).
/// </para>
/// <para>
/// A value type passed by reference: handling a message allocates nothing for the signal.
/// </para>
/// </remarks>
public readonly struct IsupSignal
{
    /// <summary>The message type; a code outside <see cref="IsupMessageType"/> is an unrecognised message.</summary>
    public IsupMessageType Type { get; init; }

    /// <summary>The circuit identification code (for group messages: the first circuit of the range).</summary>
    public int Cic { get; init; }

    /// <summary>REL and CFN: the cause indicators; RLC: the cause when it has one.</summary>
    public IsupCause Cause { get; init; }

    /// <summary>GRS, GRA, CGB, CGBA, CGU, CGUA, CQM, CQR: the range value (Q.763 §3.43): the range covers <c>Range + 1</c> circuits.</summary>
    public byte Range { get; init; }

    /// <summary>GRA, CGB, CGBA, CGU, CGUA: the status bits.</summary>
    public CircuitStatusBits Status { get; init; }

    /// <summary>CGB, CGBA, CGU, CGUA: maintenance or hardware failure oriented.</summary>
    public CircuitGroupSupervisionType SupervisionType { get; init; }

    /// <summary>SUS, RES: the suspend/resume indicator — true when network initiated (T6), false when by the ISDN subscriber (T2).</summary>
    public bool NetworkInitiated { get; init; }

    /// <summary>CQR: one circuit state indicator octet per circuit of the range (Q.763 §3.14).</summary>
    public ReadOnlyMemory<byte> CircuitStates { get; init; }

    /// <summary>An unrecognised message: its message compatibility information, when it carried one.</summary>
    public MessageCompatibility Compatibility { get; init; }

    /// <summary>A recognised message with unrecognised parameters: what their parameter compatibility information asks of the procedures.</summary>
    public ParameterCompatibilityAction ParameterCompatibility { get; init; }

    /// <summary>With <see cref="ParameterCompatibility"/>: the code of the (first) unrecognised parameter, the diagnostic of cause 99.</summary>
    public byte UnrecognisedParameter { get; init; }

    /// <summary>The codec's decoded message, carried untouched (null for messages the fields above describe fully).</summary>
    public object? Message { get; init; }

    /// <summary>How many circuits the range covers.</summary>
    public int CircuitCount => Range + 1;

    /// <summary>A message that is its type and CIC only: BLO, BLA, UBL, UBA, RSC, RLC (without cause), UCIC, UPT, UPA.</summary>
    public static IsupSignal Of(IsupMessageType type, int cic) => new() { Type = type, Cic = cic };

    /// <summary>A call message whose content call control owns: IAM, SAM, INR, INF, ACM, CPG, ANM, CON, USR, FAC.</summary>
    public static IsupSignal Call(IsupMessageType type, int cic, object? message) => new() { Type = type, Cic = cic, Message = message };

    /// <summary>REL with its cause; <paramref name="message"/> carries optional parameters from call control, if any.</summary>
    public static IsupSignal Release(int cic, IsupCause cause, object? message = null) =>
        new() { Type = IsupMessageType.REL, Cic = cic, Cause = cause, Message = message };

    /// <summary>CFN with its cause (97, 99 or 110, with the diagnostic).</summary>
    public static IsupSignal Confusion(int cic, IsupCause cause) => new() { Type = IsupMessageType.CFN, Cic = cic, Cause = cause };

    /// <summary>GRS for <c>range + 1</c> circuits from <paramref name="cic"/>.</summary>
    public static IsupSignal GroupReset(int cic, byte range) => new() { Type = IsupMessageType.GRS, Cic = cic, Range = range };

    /// <summary>GRA: <paramref name="status"/> marks the circuits locally blocked for maintenance here.</summary>
    public static IsupSignal GroupResetAcknowledgement(int cic, byte range, CircuitStatusBits status) =>
        new() { Type = IsupMessageType.GRA, Cic = cic, Range = range, Status = status };

    /// <summary>CGB, CGBA, CGU or CGUA.</summary>
    public static IsupSignal GroupSupervision(
        IsupMessageType type, int cic, CircuitGroupSupervisionType supervisionType, byte range, CircuitStatusBits status) =>
        new() { Type = type, Cic = cic, SupervisionType = supervisionType, Range = range, Status = status };

    /// <summary>CQR: the state of each circuit of the range.</summary>
    public static IsupSignal GroupQueryResponse(int cic, byte range, ReadOnlyMemory<byte> circuitStates) =>
        new() { Type = IsupMessageType.CQR, Cic = cic, Range = range, CircuitStates = circuitStates };

    /// <summary>The signal as it reads in a test failure or a trace, e.g. <c>REL cic=5 cause=16</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Enum.IsDefined(Type) ? Type.ToString() : string.Create(CultureInfo.InvariantCulture, $"0x{(byte)Type:X2}"));
        text.Append(CultureInfo.InvariantCulture, $" cic={Cic}");
        if (Cause.IsPresent)
        {
            text.Append(CultureInfo.InvariantCulture, $" cause={Cause}");
        }

        switch (Type)
        {
            case IsupMessageType.GRS or IsupMessageType.CQM or IsupMessageType.CQR:
                text.Append(CultureInfo.InvariantCulture, $" range={Range}");
                break;
            case IsupMessageType.GRA:
                text.Append(CultureInfo.InvariantCulture, $" range={Range} status={Status}");
                break;
            case IsupMessageType.CGB or IsupMessageType.CGBA or IsupMessageType.CGU or IsupMessageType.CGUA:
                text.Append(CultureInfo.InvariantCulture, $" type={SupervisionType} range={Range} status={Status}");
                break;
            case IsupMessageType.SUS or IsupMessageType.RES:
                text.Append(NetworkInitiated ? " network" : " user");
                break;
        }

        return text.ToString();
    }
}
