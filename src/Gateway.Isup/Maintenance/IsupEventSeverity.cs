namespace Gateway.Isup;

/// <summary>How much a maintenance event matters to an operator; the daemon maps it to a log level.</summary>
public enum IsupEventSeverity
{
    /// <summary>A procedure ran as designed (a reset completed, a circuit was blocked).</summary>
    Information,

    /// <summary>The peer did something unexpected and the procedures recovered (glare excepted: that is normal).</summary>
    Warning,

    /// <summary>Q.764 says "alert the maintenance system": a circuit is out of service until someone looks.</summary>
    Alarm,
}
