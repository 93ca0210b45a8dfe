namespace Gateway.Configuration;

/// <summary>The nature of address a prefix rule gives a called number (Q.763 §3.9), in the file's words.</summary>
public enum NumberNature
{
    Subscriber,
    National,
    International,
}
