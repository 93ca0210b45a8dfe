namespace Gateway.Sip;

/// <summary>
/// The Accept header (RFC 3261 §20.1): <c>[ accept-range *(COMMA accept-range) ]</c>; an empty value is valid and
/// means no body is acceptable.
/// </summary>
public static class AcceptHeader
{
    /// <summary>Parses the media ranges into <paramref name="into"/>; on failure nothing is added.</summary>
    public static bool TryParseList(ReadOnlySpan<byte> value, List<MediaType> into)
    {
        int count = into.Count;
        foreach (ReadOnlySpan<byte> element in new CommaSeparatedValues(value))
        {
            if (!MediaType.TryParseRange(element, out MediaType? range))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }

            into.Add(range);
        }

        return true;
    }
}
