using System.Buffers;

namespace Gateway.Isup;

/// <summary>
/// The bridge between the Q.763 codec and the Q.764 procedures: the bytes of one ISUP message as M3UA DATA carries
/// them (MTP3 user data, from the CIC: <see cref="IsupBodyForm.Mtp3UserData"/>) become the <see cref="IsupSignal"/>
/// that <see cref="IsupExchange.Receive"/> takes, and each signal the exchange gives its <see cref="IIsupSignalSink"/>
/// becomes bytes again.
/// </summary>
/// <remarks>
/// <para>
/// Call messages — IAM, SAM, INR, INF, ACM, CON, ANM, CPG, USR, FAC, SUS, RES and REL — travel with their decoded
/// <see cref="IsupMessage"/> in <see cref="IsupSignal.Message"/>, untouched for call control. The messages the
/// procedures build themselves — REL's cause, RLC, CFN, RSC, GRS, GRA, BLO, BLA, UBL, UBA, CGB, CGBA, CGU, CGUA, CQM,
/// CQR, UCIC, UPT, UPA — are read into and written from the signal's fields with the codec's typed views. For Q.764
/// §2.9.5.3 every signal also says what the message compatibility information asks of a message the procedures do not
/// recognise, and what the parameter compatibility information asks of unrecognised parameters.
/// </para>
/// <para>
/// Nothing here throws on bad input or on a signal that cannot be encoded: every method returns an
/// <see cref="IsupSignalResult"/>. Receiving allocates nothing beyond the decoded message of a call message (and the
/// circuit states of a CQR, which outlive the input buffer); sending a call message allocates nothing.
/// </para>
/// </remarks>
public static partial class IsupSignalCodec
{
    /// <summary>
    /// A destination size that holds every message the procedures build from fields alone, and every call message
    /// a narrowband link can carry: an MTP3 signalling information field of 272 octets less the routing label.
    /// </summary>
    public const int DefaultBufferSize = IsupWriter.DefaultSizeHint;

    /// <summary>Whether received messages of <paramref name="type"/> carry their decoded <see cref="IsupMessage"/> in <see cref="IsupSignal.Message"/>.</summary>
    public static bool CarriesMessage(IsupMessageType type) => type is IsupMessageType.IAM or IsupMessageType.SAM
        or IsupMessageType.INR or IsupMessageType.INF or IsupMessageType.ACM or IsupMessageType.CON or IsupMessageType.ANM
        or IsupMessageType.CPG or IsupMessageType.USR or IsupMessageType.FAC or IsupMessageType.SUS or IsupMessageType.RES
        or IsupMessageType.REL;

    /// <summary>
    /// Whether <paramref name="type"/> is sent from the signal's fields (the procedures define its content); a
    /// <see cref="IsupSignal.Message"/> given with it only adds optional parameters, as call control's REL does.
    /// </summary>
    public static bool IsBuiltFromFields(IsupMessageType type) => type is IsupMessageType.REL or IsupMessageType.RLC
        or IsupMessageType.CFN or IsupMessageType.RSC or IsupMessageType.GRS or IsupMessageType.GRA or IsupMessageType.BLO
        or IsupMessageType.BLA or IsupMessageType.UBL or IsupMessageType.UBA or IsupMessageType.CGB or IsupMessageType.CGBA
        or IsupMessageType.CGU or IsupMessageType.CGUA or IsupMessageType.CQM or IsupMessageType.CQR or IsupMessageType.UCIC
        or IsupMessageType.UPT or IsupMessageType.UPA;

    /// <summary>
    /// Decodes <paramref name="userData"/> and hands the signal to <paramref name="exchange"/> as coming from
    /// <paramref name="opc"/> (the OPC of the received routing label). A fault is returned and nothing is delivered.
    /// </summary>
    public static IsupSignalResult Receive(IsupExchange exchange, int opc, ReadOnlySpan<byte> userData)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        IsupSignalResult result = TryDecode(userData, out IsupSignal signal);
        if (result.Succeeded)
        {
            exchange.Receive(opc, in signal);
        }

        return result;
    }

    /// <summary>
    /// Encodes <paramref name="signal"/> into <paramref name="output"/>, advancing it by the octets written (and not
    /// at all on failure).
    /// </summary>
    public static IsupSignalResult TryEncode(in IsupSignal signal, IBufferWriter<byte> output, out int bytesWritten)
    {
        ArgumentNullException.ThrowIfNull(output);
        int sizeHint = DefaultBufferSize;
        if (signal.Message is IsupMessage message)
        {
            // Room for the message as call control built it, plus the CIC and any fields the procedures add (a REL's
            // cause: pointer, length and at most 255 octets).
            sizeHint = Math.Max(sizeHint, message.GetEncodedLength() + 2 + 257);
        }

        IsupSignalResult result = TryEncode(in signal, output.GetSpan(sizeHint), out bytesWritten);
        if (result.Succeeded)
        {
            output.Advance(bytesWritten);
        }

        return result;
    }
}
