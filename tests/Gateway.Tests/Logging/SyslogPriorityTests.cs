using System.Text.RegularExpressions;
using Gateway.Logging;
using Serilog.Events;

namespace Gateway.Tests.Logging;

public sealed class SyslogPriorityTests
{
    public static TheoryData<LogEventLevel, SyslogSeverity> LevelMap => new()
    {
        { LogEventLevel.Verbose, SyslogSeverity.Debug },
        { LogEventLevel.Debug, SyslogSeverity.Debug },
        { LogEventLevel.Information, SyslogSeverity.Informational },
        { LogEventLevel.Warning, SyslogSeverity.Warning },
        { LogEventLevel.Error, SyslogSeverity.Error },
        { LogEventLevel.Fatal, SyslogSeverity.Critical },
    };

    [Theory]
    [MemberData(nameof(LevelMap))]
    public void Levels_map_to_the_documented_severities(LogEventLevel level, SyslogSeverity expected)
    {
        Assert.Equal(expected, SyslogSeverityMap.ToSeverity(level));
    }

    [Fact]
    public void No_level_ever_maps_to_emergency_or_alert()
    {
        for (int level = -5; level <= 20; level++)
        {
            SyslogSeverity severity = SyslogSeverityMap.ToSeverity((LogEventLevel)level);
            Assert.NotEqual(SyslogSeverity.Emergency, severity);
            Assert.NotEqual(SyslogSeverity.Alert, severity);
        }
    }

    [Fact]
    public void Default_facility_is_local0()
    {
        Assert.Equal(SyslogFacility.Local0, new SyslogSinkOptions().Facility);
        Assert.Equal(16, (int)SyslogFacility.Local0);
        Assert.Equal(24, Enum.GetValues<SyslogFacility>().Length);
    }

    [Theory]
    [InlineData(SyslogFormat.Rfc5424)]
    [InlineData(SyslogFormat.Rfc3164)]
    public void Pri_is_facility_times_eight_plus_severity_for_every_facility_and_level(SyslogFormat format)
    {
        foreach (SyslogFacility facility in Enum.GetValues<SyslogFacility>())
        {
            SyslogFormatter formatter = SyslogFormatter.Create(SyslogTestOptions.Create(format, facility: facility));
            foreach (LogEventLevel level in Enum.GetValues<LogEventLevel>())
            {
                string line = formatter.FormatToString(LogEvents.Create("m", level));
                int pri = int.Parse(Regex.Match(line, "^<([0-9]{1,3})>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

                Assert.Equal(((int)facility * 8) + (int)SyslogSeverityMap.ToSeverity(level), pri);
                Assert.Equal((int)facility, pri / 8);
                Assert.True(pri % 8 >= 2, $"severity {pri % 8} for {level}");
            }
        }
    }

    [Fact]
    public void Kern_facility_with_fatal_is_pri_2_and_local7_debug_is_191()
    {
        Assert.Equal(2, SyslogSeverityMap.Priority(SyslogFacility.Kern, LogEventLevel.Fatal));
        Assert.Equal(191, SyslogSeverityMap.Priority(SyslogFacility.Local7, LogEventLevel.Verbose));
    }
}
