namespace Gateway.Sip;

/// <summary>
/// The Recv-Info header (RFC 6086 §7.2.2): <c>[Info-package-list]</c>, the Info Packages a UA is willing to receive.
/// An empty value is valid and meaningful: it says "none".
/// </summary>
public static class RecvInfoHeader
{
    /// <summary>Parses the packages into <paramref name="into"/>; on failure nothing is added.</summary>
    public static bool TryParseList(ReadOnlySpan<byte> value, List<InfoPackageHeader> into)
    {
        int count = into.Count;
        foreach (ReadOnlySpan<byte> element in new CommaSeparatedValues(value))
        {
            if (!InfoPackageHeader.TryParseElement(element, out InfoPackageHeader? package))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }

            into.Add(package);
        }

        return true;
    }
}
