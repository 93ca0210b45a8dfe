using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip;

/// <summary>The <c>delta-seconds *(SEMI generic-param)</c> shape shared by Session-Expires and Min-SE.</summary>
internal static class DeltaSecondsWithParameters
{
    public static bool TryParse(ReadOnlySpan<byte> value, out uint seconds, [NotNullWhen(true)] out SipParameterList? parameters)
    {
        seconds = 0;
        parameters = null;
        value = SipSyntax.TrimLinearWhitespace(value);
        int i = 0;
        var list = new List<SipParameter>();
        if (!SipSyntax.TryParseDigits(value, ref i, uint.MaxValue, out long number)
            || !GenericParameterSyntax.TryReadToEnd(value, i, GenericParameterOptions.None, list))
        {
            return false;
        }

        seconds = (uint)number;
        parameters = SipParameterList.Wrap(list.ToArray());
        return true;
    }
}
