namespace Gateway.M3ua;

/// <summary>
/// Our ASP's state (the local machine in <c>docs/m3ua-management.md</c>). The three RFC 4666 states are superstates;
/// the leaves say what we wait for. <see cref="M3uaManagement.AspStatus"/> gives the RFC view.
/// </summary>
public enum AspState
{
    /// <summary>Superstate ASP-DOWN.</summary>
    AspDown,

    /// <summary>ASP-DOWN, nothing outstanding: association down, not started, stopped, or ASPUP given up.</summary>
    Idle,

    /// <summary>ASP-DOWN, ASPUP sent, waiting for its ACK (T(ack) repeats it).</summary>
    UpSent,

    /// <summary>Superstate ASP-INACTIVE.</summary>
    AspInactive,

    /// <summary>ASP-INACTIVE, REG REQ sent, waiting for REG RSP.</summary>
    RegistrationSent,

    /// <summary>ASP-INACTIVE, nothing outstanding: a standby, displaced, or deactivated ASP.</summary>
    Inactive,

    /// <summary>ASP-INACTIVE, ASPAC sent, waiting for its ACK.</summary>
    ActiveSent,

    /// <summary>Superstate ASP-ACTIVE.</summary>
    AspActive,

    /// <summary>ASP-ACTIVE: our ASPAC was acknowledged.</summary>
    Active,

    /// <summary>ASP-ACTIVE until acknowledged: ASPIA sent; we carry no traffic meanwhile.</summary>
    InactiveSent,

    /// <summary>ASPDN sent, waiting for its ACK; we carry no traffic and go to <see cref="Idle"/> whatever happens.</summary>
    DownSent,
}
