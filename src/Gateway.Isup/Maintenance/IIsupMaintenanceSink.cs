namespace Gateway.Isup;

/// <summary>
/// Where the procedures report what an operator may want to see: log lines and the alarms Q.764 asks for ("alert the
/// maintenance system"). Called outside every lock, one thread at a time per circuit group.
/// </summary>
public interface IIsupMaintenanceSink
{
    /// <summary>Reports one event; <see cref="IsupMaintenanceEvent.ToString"/> is its <c>key=value</c> log line.</summary>
    void Report(in IsupMaintenanceEvent maintenanceEvent);
}
