namespace Gateway.Interworking;

/// <summary>What a call machine decided to do; <see cref="InterworkingCall{TSelf, TState}"/> performs it outside the call's lock.</summary>
public enum CallEffectKind
{
    /// <summary>SIP → ISUP: take a circuit and send the IAM (a refusal comes back as a trigger).</summary>
    SeizeCircuit,
    /// <summary>ISUP → SIP: send the INVITE to the trunk.</summary>
    SendInvite,
    /// <summary>A provisional response (<see cref="CallEffect.Status"/>) to the caller's INVITE.</summary>
    SipRing,
    /// <summary>200 with our SDP to the caller's INVITE.</summary>
    SipAnswer,
    /// <summary>A final failure response (<see cref="CallEffect.Status"/>) with Reason for <see cref="CallEffect.Cause"/>.</summary>
    SipReject,
    /// <summary>CANCEL our INVITE with Reason for <see cref="CallEffect.Cause"/>.</summary>
    SipCancel,
    /// <summary>BYE with Reason for <see cref="CallEffect.Cause"/>.</summary>
    SipHangup,
    /// <summary>INFO carrying the USR in <see cref="CallEffect.Message"/>.</summary>
    SipInfo,
    /// <summary>An ISUP call message (<see cref="CallEffect.Message"/>; its type says which) on the circuit.</summary>
    IsupSend,
    /// <summary>REL with <see cref="CallEffect.Cause"/>.</summary>
    IsupRelease,
}
