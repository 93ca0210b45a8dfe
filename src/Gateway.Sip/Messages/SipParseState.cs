using System.Runtime.CompilerServices;

namespace Gateway.Sip;

/// <summary>
/// What parsing the start line and header section found: where the header section ends and the first defect.
/// Recording goes through non-inlined methods so the checks on the hot path stay a compare and a branch.
/// </summary>
internal struct SipParseState
{
    public SipParseError Error;
    public SipHeaderName ErrorHeader;
    public int ErrorOffset;

    /// <summary>A defect after which nothing more can be read (see <see cref="SipParseErrors.StopsParsing"/>).</summary>
    public bool Stopped;

    /// <summary>The empty line closing the header section was found.</summary>
    public bool HeaderSectionComplete;

    /// <summary>Bytes from the start line to the end of the empty line: where the body starts.</summary>
    public int HeaderSectionLength;

    public readonly bool HasError => Error != SipParseError.None;

    /// <summary>Records a defect unless an earlier one was found; parsing goes on.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Record(SipParseError error, int offset, SipHeaderName header = SipHeaderName.Unknown)
    {
        if (Error == SipParseError.None)
        {
            Error = error;
            ErrorOffset = offset;
            ErrorHeader = header;
        }
    }

    /// <summary>Records a defect that ends parsing. It replaces an earlier recorded one: it is why the parse stopped.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Stop(SipParseError error, int offset)
    {
        Error = error;
        ErrorOffset = offset;
        ErrorHeader = SipHeaderName.Unknown;
        Stopped = true;
    }
}
