namespace Gateway.Sip;

/// <summary>A comma-separated list of bare tokens (option tags, methods).</summary>
internal static class TokenList
{
    public delegate string Materializer(ReadOnlySpan<byte> token);

    public static bool TryParse(ReadOnlySpan<byte> value, List<string> into, bool allowEmpty, Materializer materialize)
    {
        int count = into.Count;
        foreach (ReadOnlySpan<byte> element in new CommaSeparatedValues(value))
        {
            if (!SipSyntax.IsToken(element))
            {
                into.RemoveRange(count, into.Count - count);
                return false;
            }

            into.Add(materialize(element));
        }

        return allowEmpty || into.Count > count;
    }
}
