using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>Keeps every maintenance event in order.</summary>
internal sealed class RecordingMaintenance : IIsupMaintenanceSink
{
    private readonly Lock _gate = new();
    private readonly List<IsupMaintenanceEvent> _events = [];

    public void Report(in IsupMaintenanceEvent maintenanceEvent)
    {
        lock (_gate)
        {
            _events.Add(maintenanceEvent);
        }
    }

    public List<IsupMaintenanceEvent> Take()
    {
        lock (_gate)
        {
            var taken = new List<IsupMaintenanceEvent>(_events);
            _events.Clear();
            return taken;
        }
    }
}
