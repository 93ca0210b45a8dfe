namespace Gateway.Sip;

/// <summary>
/// The character sets of the RFC 3261 §25 grammar (and RFC 2396 / RFC 3966 where SIP borrows them), one bit per set,
/// so a single table lookup answers "may this byte appear here?".
/// </summary>
[Flags]
internal enum SipCharacterClass : uint
{
    /// <summary>No class: the byte belongs to none of the sets below.</summary>
    None = 0,

    /// <summary>ALPHA.</summary>
    Alpha = 1 << 0,

    /// <summary>DIGIT.</summary>
    Digit = 1 << 1,

    /// <summary>HEXDIG (either case).</summary>
    HexDigit = 1 << 2,

    /// <summary>mark: - _ . ! ~ * ' ( ).</summary>
    Mark = 1 << 3,

    /// <summary>The non-alphanumeric token characters: - . ! % * _ + ` ' ~.</summary>
    TokenSymbol = 1 << 4,

    /// <summary>user-unreserved: &amp; = + $ , ; ? /.</summary>
    UserUnreserved = 1 << 5,

    /// <summary>The extra password characters: &amp; = + $ ,.</summary>
    PasswordSymbol = 1 << 6,

    /// <summary>param-unreserved: [ ] / : &amp; + $.</summary>
    ParamUnreserved = 1 << 7,

    /// <summary>hnv-unreserved: [ ] / ? : + $.</summary>
    HeaderUnreserved = 1 << 8,

    /// <summary>The characters a word (Call-ID) adds to token: ( ) &lt; &gt; : \ " / [ ] ? { }.</summary>
    WordSymbol = 1 << 9,

    /// <summary>RFC 2396 reserved: ; / ? : @ &amp; = + $ ,.</summary>
    Reserved = 1 << 10,

    /// <summary>MIME bchars other than alphanumerics (RFC 2046 boundary): ' ( ) + _ , - . / : = ? SP.</summary>
    BoundarySymbol = 1 << 11,

    /// <summary>ALPHA / DIGIT.</summary>
    AlphaNumeric = Alpha | Digit,

    /// <summary>unreserved = alphanum / mark.</summary>
    Unreserved = Alpha | Digit | Mark,

    /// <summary>token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~").</summary>
    Token = Alpha | Digit | TokenSymbol,

    /// <summary>The characters a SIP URI user part may carry unescaped.</summary>
    User = Unreserved | UserUnreserved,

    /// <summary>The characters a SIP URI password may carry unescaped.</summary>
    Password = Unreserved | PasswordSymbol,

    /// <summary>paramchar without the escapes.</summary>
    Param = Unreserved | ParamUnreserved,

    /// <summary>hname / hvalue characters without the escapes.</summary>
    Header = Unreserved | HeaderUnreserved,

    /// <summary>word = token characters plus the word symbols.</summary>
    Word = Token | WordSymbol,

    /// <summary>uric without the escapes.</summary>
    Uric = Unreserved | Reserved,
}
