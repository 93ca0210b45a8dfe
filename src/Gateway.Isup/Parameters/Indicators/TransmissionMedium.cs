namespace Gateway.Isup;

/// <summary>
/// Values of the transmission medium requirement (Q.763 §3.54). Codes without a member (spare, and 16–42 for
/// n×64 kbit/s unrestricted) are carried as they are.
/// </summary>
public enum TransmissionMedium : byte
{
    /// <summary>Speech.</summary>
    Speech = 0,

    /// <summary>64 kbit/s unrestricted.</summary>
    Unrestricted64k = 2,

    /// <summary>3.1 kHz audio: what a call that may carry fax or modem tones asks for.</summary>
    Audio3k1 = 3,

    /// <summary>Reserved for alternate speech (service 2)/64 kbit/s unrestricted (service 1).</summary>
    AlternateSpeechFirst = 4,

    /// <summary>Reserved for alternate 64 kbit/s unrestricted (service 1)/speech (service 2).</summary>
    AlternateUnrestrictedFirst = 5,

    /// <summary>64 kbit/s preferred.</summary>
    Preferred64k = 6,

    /// <summary>2 × 64 kbit/s unrestricted.</summary>
    Unrestricted2x64k = 7,

    /// <summary>384 kbit/s unrestricted.</summary>
    Unrestricted384k = 8,

    /// <summary>1536 kbit/s unrestricted.</summary>
    Unrestricted1536k = 9,

    /// <summary>1920 kbit/s unrestricted.</summary>
    Unrestricted1920k = 10,
}
