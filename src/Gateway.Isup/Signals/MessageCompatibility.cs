namespace Gateway.Isup;

/// <summary>
/// The instruction indicators of a message compatibility information parameter (Q.763 §3.33), which say what an
/// exchange that does not recognise the message must do with it (Q.764 §2.9.5.3.1). The default value means the
/// parameter was absent.
/// </summary>
public readonly struct MessageCompatibility
{
    private const byte ReleaseCallBit = 0x02;       // B
    private const byte SendNotificationBit = 0x04;  // C
    private const byte DiscardMessageBit = 0x08;    // D
    private const byte PassOnNotPossibleBit = 0x10; // E

    /// <summary>The parameter with the given instruction indicators octet.</summary>
    public MessageCompatibility(byte instructionIndicators)
    {
        InstructionIndicators = instructionIndicators;
        IsPresent = true;
    }

    /// <summary>True when the message carried the parameter.</summary>
    public bool IsPresent { get; }

    /// <summary>The first octet of the parameter as received.</summary>
    public byte InstructionIndicators { get; }

    /// <summary>Bit B: release the call.</summary>
    public bool ReleaseCall => (InstructionIndicators & ReleaseCallBit) != 0;

    /// <summary>Bit C: send a notification (CFN).</summary>
    public bool SendNotification => (InstructionIndicators & SendNotificationBit) != 0;

    /// <summary>Bit D: discard the message (otherwise: pass it on, which an end node cannot do).</summary>
    public bool DiscardMessage => (InstructionIndicators & DiscardMessageBit) != 0;

    /// <summary>Bit E, for when passing on is not possible: discard the information (otherwise: release the call).</summary>
    public bool DiscardWhenPassOnNotPossible => (InstructionIndicators & PassOnNotPossibleBit) != 0;
}
