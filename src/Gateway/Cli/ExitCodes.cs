namespace Gateway.Cli;

/// <summary>Process exit codes, from sysexits.h where one fits, so systemd units and scripts can tell failures apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    /// <summary>EX_USAGE: the command line was wrong.</summary>
    public const int Usage = 64;
    /// <summary>EX_UNAVAILABLE: something the host must provide is missing (kernel SCTP); a restart after the fix succeeds.</summary>
    public const int Unavailable = 69;
    /// <summary>EX_SOFTWARE: an internal error.</summary>
    public const int Software = 70;
    /// <summary>EX_CONFIG: the configuration is wrong; the unit's RestartPreventExitStatus=78 stops a restart loop on it.</summary>
    public const int Config = 78;
}
