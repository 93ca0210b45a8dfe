namespace Gateway.M3ua;

/// <summary>How much a management event matters to an operator.</summary>
public enum ManagementEventSeverity
{
    /// <summary>Normal operation: bring-up steps, routes returning.</summary>
    Information,

    /// <summary>Something the peer did wrong or something lost: worth a log line at warning level.</summary>
    Warning,

    /// <summary>Service is affected and needs attention: the association is dead, a request was given up.</summary>
    Alarm,
}
