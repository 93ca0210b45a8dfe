using Gateway.Testing;

namespace Gateway.Sip.Tests.Stack;

/// <summary>A fact that needs real SIPp: reported as skipped, not passed, where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SippFactAttribute : FactAttribute
{
    public SippFactAttribute()
    {
        if (!Sipp.IsInstalled)
        {
            Skip = "SIPp (Debian package sip-tester) is not installed";
        }
    }
}
