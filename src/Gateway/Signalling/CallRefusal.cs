namespace Gateway.Signalling;

/// <summary>Why a new call toward a DPC is refused now: the SIP status and the Q.850 cause its <c>Reason</c> carries.</summary>
public readonly record struct CallRefusal(int SipStatus, byte Cause);
