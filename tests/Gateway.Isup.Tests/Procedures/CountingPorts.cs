using Gateway.Isup;

namespace Gateway.Isup.Tests.Procedures;

/// <summary>Ports that only count, so that a measurement sees the procedures' allocations and nothing of the test's.</summary>
internal sealed class CountingPorts : IIsupSignalSink, IIsupCallEventSink, IIsupMaintenanceSink
{
    public int Signals;
    public int CallEvents;
    public int MaintenanceEvents;

    public void Send(int dpc, in IsupSignal signal) => Interlocked.Increment(ref Signals);

    public void OnCallEvent(IsupCall call, in IsupCallEvent callEvent) => Interlocked.Increment(ref CallEvents);

    public void Report(in IsupMaintenanceEvent maintenanceEvent) => Interlocked.Increment(ref MaintenanceEvents);
}
