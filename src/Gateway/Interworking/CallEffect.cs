using Gateway.Isup;

namespace Gateway.Interworking;

/// <summary>One decision of a call machine: what to send to which side, with what.</summary>
public readonly record struct CallEffect(CallEffectKind Kind, int Status = 0, byte Cause = 0, IsupMessage? Message = null);
