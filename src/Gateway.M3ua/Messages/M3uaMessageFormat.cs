namespace Gateway.M3ua;

/// <summary>
/// The parameters RFC 4666 lets one message carry — or one group parameter (Routing Key, Registration Result,
/// Deregistration Result) contain, since a group's content is a parameter list of its own — with their presence.
/// Order is not part of the format: RFC 4666 draws parameters in an order but does not require receivers to insist
/// on it, so the codec accepts any order and keeps the order it received.
/// </summary>
public sealed class M3uaMessageFormat
{
    private readonly M3uaParameterSlot[] _slots;

    // Per parameter-rule slot (M3uaParameterRules.IndexOf): this format's slot + 1, or 0 when the tag is not allowed.
    private readonly byte[] _slotByRule = new byte[0x40];

    internal M3uaMessageFormat(string name, M3uaMessageType? type, M3uaParameterTag? group, M3uaParameterSlot[] slots, bool singleRoutingContext = false)
    {
        if (slots.Length > 32)
        {
            throw new ArgumentException("At most 32 parameters per format: presence is tracked in a 32-bit mask.", nameof(slots));
        }

        Name = name;
        Type = type;
        GroupTag = group;
        _slots = slots;
        SingleRoutingContext = singleRoutingContext;
        for (int i = 0; i < slots.Length; i++)
        {
            _slotByRule[M3uaParameterRules.IndexOf((ushort)slots[i].Tag)] = (byte)(i + 1);
            if (slots[i].Presence == M3uaPresence.Mandatory)
            {
                MandatoryMask |= 1u << i;
            }
        }
    }

    /// <summary>The message acronym (DATA, REG REQ…) or the group parameter's name.</summary>
    public string Name { get; }

    /// <summary>The message this is the format of; null for a group's format.</summary>
    public M3uaMessageType? Type { get; }

    /// <summary>The group parameter this is the content format of; null for a message's format.</summary>
    public M3uaParameterTag? GroupTag { get; }

    /// <summary>The parameters allowed, in the order RFC 4666 draws them.</summary>
    public ReadOnlySpan<M3uaParameterSlot> Parameters => _slots;

    /// <summary>
    /// Whether the Routing Context holds exactly one value: DATA's is a single 32-bit field (RFC 4666 §3.3.1, length 8),
    /// since one payload belongs to one Application Server.
    /// </summary>
    public bool SingleRoutingContext { get; }

    /// <summary>Bit i set when <see cref="Parameters"/>[i] is mandatory.</summary>
    internal uint MandatoryMask { get; }

    /// <summary>The index of <paramref name="tag"/> in <see cref="Parameters"/>, -1 when the format does not allow it.</summary>
    public int IndexOf(M3uaParameterTag tag)
    {
        int rule = M3uaParameterRules.IndexOf((ushort)tag);
        return rule < 0 ? -1 : _slotByRule[rule] - 1;
    }

    /// <summary>As <see cref="IndexOf"/>, from a rule slot the caller already has.</summary>
    internal int SlotOfRule(int rule) => _slotByRule[rule] - 1;

    /// <summary>The slot at <paramref name="index"/>.</summary>
    internal M3uaParameterSlot Slot(int index) => _slots[index];
}
