namespace Gateway.Isup;

/// <summary>The Q.850 cause values the procedures generate themselves (digest §3); every other cause comes from call control.</summary>
public static class IsupCauses
{
    /// <summary>16: normal call clearing.</summary>
    public const byte NormalCallClearing = 16;

    /// <summary>19: no answer from user (user alerted) — T9 expiry.</summary>
    public const byte NoAnswerFromUser = 19;

    /// <summary>31: normal, unspecified — the release that answers an RLC nobody asked for (Q.764 §2.9.5.1 c).</summary>
    public const byte NormalUnspecified = 31;

    /// <summary>34: no circuit/channel available — a repeat attempt found no free circuit.</summary>
    public const byte NoCircuitAvailable = 34;

    /// <summary>41: temporary failure — the circuit was reset, hardware blocked, lost its route or is unequipped at the far end.</summary>
    public const byte TemporaryFailure = 41;

    /// <summary>97: message type non-existent or not implemented — an unrecognised message (Q.764 §2.9.5.3).</summary>
    public const byte MessageTypeNotImplemented = 97;

    /// <summary>99: parameter non-existent or not implemented — an unrecognised parameter whose instructions say release or notify.</summary>
    public const byte ParameterNotImplemented = 99;

    /// <summary>102: recovery on timer expiry — T7, T2/T6 and T33 expiry.</summary>
    public const byte RecoveryOnTimerExpiry = 102;

    /// <summary>110: message with unrecognised parameter, discarded.</summary>
    public const byte MessageWithUnrecognisedParameterDiscarded = 110;

    /// <summary>111: protocol error, unspecified — an incoming call reset because of an unexpected message.</summary>
    public const byte ProtocolError = 111;
}
