namespace Gateway.Interworking;

/// <summary>A call as the registry, the shutdown drain and the operator's view see it, whichever its direction.</summary>
public interface ICallRecord
{
    long Id { get; }

    /// <summary>"sip-to-isup" or "isup-to-sip", as in the log.</summary>
    string Direction { get; }

    /// <summary>The state's log word.</summary>
    string StateName { get; }

    /// <summary>The SIP dialog's Call-ID, once the SIP side exists.</summary>
    string? CallId { get; }

    /// <summary>The circuit, once one is seized.</summary>
    int? Cic { get; }

    /// <summary>The circuit's DPC, once one is seized.</summary>
    int? Dpc { get; }

    DateTimeOffset StartedAt { get; }

    /// <summary>How it ended (answered, cancelled, rejected, refused, failed): meaningful once it has.</summary>
    string Outcome { get; }

    /// <summary>The Q.850 cause of its release, if it had one.</summary>
    int? Cause { get; }

    /// <summary>Ends the call from our side (shutdown after the drain time): BYE/CANCEL and REL with <paramref name="cause"/>.</summary>
    void Abort(byte cause);
}
