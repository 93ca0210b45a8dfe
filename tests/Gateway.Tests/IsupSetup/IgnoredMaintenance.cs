using Gateway.Isup;

namespace Gateway.Tests.IsupSetup;

/// <summary>A maintenance port for tests that look only at the messages sent.</summary>
internal sealed class IgnoredMaintenance : IIsupMaintenanceSink
{
    public void Report(in IsupMaintenanceEvent maintenanceEvent)
    {
    }
}
