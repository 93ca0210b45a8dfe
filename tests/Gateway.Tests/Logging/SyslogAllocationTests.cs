using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class SyslogAllocationTests
{
    [Theory]
    [InlineData(SyslogFormat.Rfc5424)]
    [InlineData(SyslogFormat.Rfc3164)]
    public void Formatting_into_the_reused_buffer_allocates_little_per_event(SyslogFormat format)
    {
        SyslogFormatter formatter = SyslogFormatter.Create(SyslogTestOptions.Create(format));
        var buffer = new byte[formatter.MaxMessageBytes];
        LogEvent e = LogEvents.Create(
            "call {Call} cic={Cic} dir={Dir}",
            sourceContext: "Gateway.Calls.CallManager",
            properties: [("Call", 42), ("Cic", 17), ("Dir", "sip-to-isup")]);
        formatter.Format(e, buffer); // warm up caches and pooled buffers

        const int count = 1000;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            formatter.Format(e, buffer);
        }

        long perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / count;
        Assert.True(perEvent <= 96, $"{perEvent} bytes allocated per event");
    }
}
