namespace Gateway.Isup;

/// <summary>
/// Sums up, for an end node, what the parameter compatibility information (Q.763 §3.41) asks of the unrecognised
/// parameters of one message (Q.764 §2.9.5.3.2), as the one <see cref="ParameterCompatibilityAction"/> the procedures
/// act on. A mutable struct fed parameter by parameter, so that the receive path allocates nothing for it.
/// </summary>
/// <remarks>
/// <para>
/// Each unrecognised parameter gets the instruction indicators of its entry: bit B releases the call; bit D discards
/// the message; bit E discards the parameter; with none of them the instruction is "pass on", which an end node
/// cannot do, so bits GF decide (00 or 11 release, 01 discard the message, 10 discard the parameter). Bit C adds a
/// notification (CFN). Bit A (transit or end node interpretation) only matters at a transit exchange.
/// </para>
/// <para>
/// A parameter without an entry (or a message without the parameter) gets Q.764's default for an exchange that
/// cannot pass it on: discard the parameter and notify (CFN cause 99) — the reading of Q.764 §2.9.5.3.2 the
/// procedures' documentation marks as recollection.
/// </para>
/// <para>
/// The most severe instruction wins — release over discarding the message over discarding the parameter — and the
/// diagnostic is the first parameter that asked for it (the first that asked to notify, when one did).
/// </para>
/// </remarks>
internal struct ParameterCompatibilityEvaluation
{
    private const byte ReleaseCallBit = 0x02;       // B
    private const byte SendNotificationBit = 0x04;  // C
    private const byte DiscardMessageBit = 0x08;    // D
    private const byte DiscardParameterBit = 0x10;  // E
    private const byte ExtensionBit = 0x80;

    private const int DiscardParameter = 1;
    private const int DiscardMessage = 2;
    private const int ReleaseCall = 3;

    private int _severity;
    private bool _notify;
    private byte _first;
    private byte _firstNotifying;

    /// <summary>Whether any unrecognised parameter was added.</summary>
    public readonly bool Any => _severity != 0;

    /// <summary>Whether the outcome keeps the message (so its unrecognised parameters are to be dropped from it).</summary>
    public readonly bool KeepsMessage => _severity == DiscardParameter;

    /// <summary>The action for the procedures.</summary>
    public readonly ParameterCompatibilityAction Action => _severity switch
    {
        ReleaseCall => ParameterCompatibilityAction.ReleaseCall,
        DiscardMessage => _notify ? ParameterCompatibilityAction.DiscardMessageAndNotify : ParameterCompatibilityAction.DiscardMessage,
        DiscardParameter => _notify ? ParameterCompatibilityAction.ProcessAndNotify : ParameterCompatibilityAction.None,
        _ => ParameterCompatibilityAction.None,
    };

    /// <summary>The parameter the action is about (the diagnostic of cause 99 or 110); 0 when there is nothing to report.</summary>
    public readonly byte Parameter => Action == ParameterCompatibilityAction.None ? (byte)0 : _notify ? _firstNotifying : _first;

    /// <summary>Adds one unrecognised parameter, with the value of the message's parameter compatibility information (empty when absent).</summary>
    public void Add(IsupParameterCode code, ReadOnlySpan<byte> compatibility)
    {
        int severity;
        bool notify;
        if (!TryFindInstructions(compatibility, (byte)code, out byte instructions))
        {
            severity = DiscardParameter;
            notify = true;
        }
        else
        {
            notify = (instructions & SendNotificationBit) != 0;
            if ((instructions & ReleaseCallBit) != 0)
            {
                severity = ReleaseCall;
            }
            else if ((instructions & DiscardMessageBit) != 0)
            {
                severity = DiscardMessage;
            }
            else if ((instructions & DiscardParameterBit) != 0)
            {
                severity = DiscardParameter;
            }
            else
            {
                // "Pass on" is not possible at an end node: the pass on not possible indicator (bits GF) decides.
                severity = ((instructions >> 5) & 0x03) switch
                {
                    1 => DiscardMessage,
                    2 => DiscardParameter,
                    _ => ReleaseCall, // 00 release call; 11 reserved, interpreted as 00
                };
            }
        }

        if (severity > _severity)
        {
            _severity = severity;
            _notify = false;
            _first = (byte)code;
            _firstNotifying = 0;
        }

        if (severity == _severity && notify && !_notify)
        {
            _notify = true;
            _firstNotifying = (byte)code;
        }
    }

    /// <summary>
    /// The first instruction indicators octet of the entry for <paramref name="code"/>: the value is a list of
    /// (upgraded parameter name, instruction indicators) where the indicators run over extension octets up to one
    /// with bit 8 set (Q.763 §3.41). A list cut short ends the search: what follows cannot be trusted.
    /// </summary>
    private static bool TryFindInstructions(ReadOnlySpan<byte> compatibility, byte code, out byte instructions)
    {
        int position = 0;
        while (position + 1 < compatibility.Length)
        {
            byte name = compatibility[position];
            int indicators = position + 1;
            int last = indicators;
            while (last < compatibility.Length && (compatibility[last] & ExtensionBit) == 0)
            {
                last++;
            }

            if (name == code)
            {
                instructions = compatibility[indicators];
                return true;
            }

            position = last + 1;
        }

        instructions = 0;
        return false;
    }
}
