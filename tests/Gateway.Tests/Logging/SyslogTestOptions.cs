using Gateway.Logging;
using Gateway.Testing;

namespace Gateway.Tests.Logging;

/// <summary>Deterministic options for golden-string tests: host gw1, pid 4242, clock at 2024-03-05T07:08:09.123456Z, zone UTC+2.</summary>
internal static class SyslogTestOptions
{
    public static readonly TimeZoneInfo PlusTwo =
        TimeZoneInfo.CreateCustomTimeZone("Test+02", TimeSpan.FromHours(2), "Test+02", "Test+02");

    public static SyslogSinkOptions Create(
        SyslogFormat format,
        SyslogTransport transport = SyslogTransport.Udp,
        SyslogFacility facility = SyslogFacility.Local0,
        int? maxMessageBytes = null) =>
        new()
        {
            Transport = transport,
            Host = "127.0.0.1",
            Format = format,
            Facility = facility,
            Hostname = "gw1",
            ProcessId = 4242,
            MaxMessageBytes = maxMessageBytes,
            TimeProvider = new FixedTimeProvider(LogEvents.DefaultTimestamp, PlusTwo),
        };
}
