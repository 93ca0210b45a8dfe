namespace Gateway.Logging;

/// <summary>The 24 syslog facilities (RFC 5424 section 6.2.1, numeric codes as on Linux).</summary>
public enum SyslogFacility
{
    /// <summary>Kernel messages (0).</summary>
    Kern = 0,

    /// <summary>User-level messages (1).</summary>
    User = 1,

    /// <summary>Mail system (2).</summary>
    Mail = 2,

    /// <summary>System daemons (3).</summary>
    Daemon = 3,

    /// <summary>Security/authorization messages (4).</summary>
    Auth = 4,

    /// <summary>Messages generated internally by syslogd (5).</summary>
    Syslog = 5,

    /// <summary>Line printer subsystem (6).</summary>
    Lpr = 6,

    /// <summary>Network news subsystem (7).</summary>
    News = 7,

    /// <summary>UUCP subsystem (8).</summary>
    Uucp = 8,

    /// <summary>Clock daemon (9).</summary>
    Cron = 9,

    /// <summary>Security/authorization messages, private (10).</summary>
    AuthPriv = 10,

    /// <summary>FTP daemon (11).</summary>
    Ftp = 11,

    /// <summary>NTP subsystem (12).</summary>
    Ntp = 12,

    /// <summary>Log audit (13).</summary>
    Audit = 13,

    /// <summary>Log alert (14).</summary>
    Alert = 14,

    /// <summary>Clock daemon, second instance (15).</summary>
    Clock = 15,

    /// <summary>Local use 0 (16), the gateway's default.</summary>
    Local0 = 16,

    /// <summary>Local use 1 (17).</summary>
    Local1 = 17,

    /// <summary>Local use 2 (18).</summary>
    Local2 = 18,

    /// <summary>Local use 3 (19).</summary>
    Local3 = 19,

    /// <summary>Local use 4 (20).</summary>
    Local4 = 20,

    /// <summary>Local use 5 (21).</summary>
    Local5 = 21,

    /// <summary>Local use 6 (22).</summary>
    Local6 = 22,

    /// <summary>Local use 7 (23).</summary>
    Local7 = 23,
}
