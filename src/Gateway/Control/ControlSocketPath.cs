namespace Gateway.Control;

/// <summary>
/// Where the daemon listens for the operator CLI: <c>control.sock</c> in the runtime directory systemd made for the
/// unit (<c>RuntimeDirectory=</c>, passed as <c>$RUNTIME_DIRECTORY</c>), else the same place by its usual name, so
/// that an operator's shell, which has no such variable, finds it too.
/// </summary>
public static class ControlSocketPath
{
    public const string FileName = "control.sock";

    public const string DefaultDirectory = "/run/sip-isup-gateway";

    public static string Resolve(string? runtimeDirectory)
    {
        // systemd lists several directories separated by colons when a unit asks for several; ours is the first.
        string? first = string.IsNullOrEmpty(runtimeDirectory) ? null : runtimeDirectory.Split(':')[0];
        return Path.Combine(string.IsNullOrEmpty(first) ? DefaultDirectory : first, FileName);
    }

    public static string FromEnvironment() => Resolve(Environment.GetEnvironmentVariable("RUNTIME_DIRECTORY"));
}
