namespace Gateway.Isup;

/// <summary>Values of the calling party's category (Q.763 §3.11). Codes without a member (spare, national use) are carried as they are.</summary>
public enum CallingPartyCategoryValue : byte
{
    /// <summary>Calling party's category unknown at this time (national use).</summary>
    Unknown = 0,

    /// <summary>Operator, language French.</summary>
    OperatorFrench = 1,

    /// <summary>Operator, language English.</summary>
    OperatorEnglish = 2,

    /// <summary>Operator, language German.</summary>
    OperatorGerman = 3,

    /// <summary>Operator, language Russian.</summary>
    OperatorRussian = 4,

    /// <summary>Operator, language Spanish.</summary>
    OperatorSpanish = 5,

    /// <summary>Reserved (national use).</summary>
    ReservedNational = 9,

    /// <summary>Ordinary calling subscriber.</summary>
    OrdinarySubscriber = 10,

    /// <summary>Calling subscriber with priority.</summary>
    SubscriberWithPriority = 11,

    /// <summary>Data call (voice band data).</summary>
    DataCall = 12,

    /// <summary>Test call.</summary>
    TestCall = 13,

    /// <summary>IEPS call marking for preferential call set up.</summary>
    IepsCall = 14,

    /// <summary>Payphone.</summary>
    Payphone = 15,
}
