namespace Gateway.M3ua;

/// <summary>
/// The one check of a parameter list against a format, shared by the reader (a message's parameters), the rules
/// (a group's content) and the writer's per-parameter checks, so that the three cannot drift apart.
/// </summary>
internal static class M3uaValidation
{
    /// <summary>
    /// Checks the parameters from <paramref name="start"/> to the end of <paramref name="scope"/> against
    /// <paramref name="format"/>: framing, known parameters allowed and not repeated unless they may be, each value
    /// against its rule (groups recursively), and every mandatory parameter present. Unknown tags are counted and
    /// otherwise passed over. Offsets are from the start of <paramref name="scope"/>.
    /// </summary>
    public static M3uaError Validate(ReadOnlySpan<byte> scope, int start, M3uaMessageFormat format, out int errorOffset, out M3uaParameterTag? errorParameter, out int count) =>
        Validate(scope, start, format, out errorOffset, out errorParameter, out count, default);

    /// <summary>
    /// As above, also noting in <paramref name="firstOffsets"/>[slot] where the first parameter of each of the
    /// format's slots starts, plus one (0: absent), so that the reader finds a known parameter without walking again.
    /// </summary>
    public static M3uaError Validate(ReadOnlySpan<byte> scope, int start, M3uaMessageFormat format, out int errorOffset, out M3uaParameterTag? errorParameter, out int count, Span<int> firstOffsets)
    {
        var walker = new M3uaParameterReader(scope[start..], start);
        uint seen = 0;
        count = 0;
        while (walker.Read())
        {
            count++;
            M3uaError error = CheckOne(scope, format, walker.Tag, walker.Value, walker.Offset, ref seen, out errorOffset, out errorParameter, out int slot);
            if (error != M3uaError.None)
            {
                return error;
            }

            if ((uint)slot < (uint)firstOffsets.Length && firstOffsets[slot] == 0)
            {
                firstOffsets[slot] = walker.Offset + 1;
            }
        }

        if (walker.Error != M3uaError.None)
        {
            errorOffset = walker.ErrorOffset;
            errorParameter = null;
            return walker.Error;
        }

        return CheckMandatory(format, seen, scope.Length, out errorOffset, out errorParameter);
    }

    /// <summary>
    /// Checks one parameter against the format and the parameters already seen (<paramref name="seen"/>, updated).
    /// <paramref name="offset"/> is where the parameter's tag sits in <paramref name="scope"/>, whose value is
    /// <paramref name="value"/>; a group's content is validated in place so offsets stay absolute.
    /// </summary>
    public static M3uaError CheckOne(ReadOnlySpan<byte> scope, M3uaMessageFormat format, M3uaParameterTag tag, ReadOnlySpan<byte> value, int offset, ref uint seen, out int errorOffset, out M3uaParameterTag? errorParameter) =>
        CheckOne(scope, format, tag, value, offset, ref seen, out errorOffset, out errorParameter, out _);

    /// <summary>As above, giving the format slot the parameter filled (-1 for an unknown tag).</summary>
    public static M3uaError CheckOne(ReadOnlySpan<byte> scope, M3uaMessageFormat format, M3uaParameterTag tag, ReadOnlySpan<byte> value, int offset, ref uint seen, out int errorOffset, out M3uaParameterTag? errorParameter, out int slot)
    {
        errorOffset = -1;
        errorParameter = tag;
        slot = -1;
        int rule = M3uaParameterRules.IndexOf((ushort)tag);
        if (rule < 0)
        {
            return M3uaError.None;
        }

        slot = format.SlotOfRule(rule);
        if (slot < 0)
        {
            errorOffset = offset;
            return M3uaError.UnexpectedParameter;
        }

        uint bit = 1u << slot;
        if ((seen & bit) != 0 && !format.Slot(slot).Repeatable)
        {
            errorOffset = offset;
            return M3uaError.DuplicateParameter;
        }

        seen |= bit;
        M3uaError error = M3uaParameterRules.CheckValue(rule, value);
        if (error == M3uaError.None && format.SingleRoutingContext && tag == M3uaParameterTag.RoutingContext && value.Length != 4)
        {
            error = M3uaError.InvalidParameterLength;
        }

        if (error != M3uaError.None)
        {
            // A length defect points at the length field, a value defect at the value.
            errorOffset = error == M3uaError.InvalidParameterLength ? offset + 2 : offset + 4;
            return error;
        }

        if (M3uaParameterRules.IsGroupIndex(rule))
        {
            int valueStart = offset + 4;
            error = Validate(scope[..(valueStart + value.Length)], valueStart, M3uaMessageFormats.GetGroup(tag)!, out errorOffset, out M3uaParameterTag? inner, out _);
            if (error != M3uaError.None)
            {
                errorParameter = inner ?? tag;
            }
        }

        return error;
    }

    /// <summary>Missing Parameter for the first mandatory parameter of the format not in <paramref name="seen"/>.</summary>
    public static M3uaError CheckMandatory(M3uaMessageFormat format, uint seen, int endOffset, out int errorOffset, out M3uaParameterTag? errorParameter)
    {
        uint missing = format.MandatoryMask & ~seen;
        if (missing == 0)
        {
            errorOffset = -1;
            errorParameter = null;
            return M3uaError.None;
        }

        errorOffset = endOffset;
        errorParameter = format.Slot(System.Numerics.BitOperations.TrailingZeroCount(missing)).Tag;
        return M3uaError.MissingParameter;
    }
}
