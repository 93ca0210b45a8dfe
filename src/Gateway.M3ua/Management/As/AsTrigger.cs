namespace Gateway.M3ua;

/// <summary>What moves an AS's state (<see cref="AsMachine"/>).</summary>
internal enum AsTrigger
{
    /// <summary>An ASP of the AS (ours, or the peer's we acknowledge) came up.</summary>
    Up,

    /// <summary>No ASP of the AS is up any more (our association is down, or the peer's ASP is).</summary>
    Down,

    /// <summary>NTFY AS-INACTIVE.</summary>
    NotifyInactive,

    /// <summary>NTFY AS-ACTIVE.</summary>
    NotifyActive,

    /// <summary>NTFY AS-PENDING.</summary>
    NotifyPending,

    /// <summary>The acknowledgements make the AS active: our ASPAC acked, and/or the peer's acked by us.</summary>
    Activated,

    /// <summary>The acknowledgements no longer make it active.</summary>
    Deactivated,
}
