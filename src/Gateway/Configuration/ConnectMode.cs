namespace Gateway.Configuration;

/// <summary>Which side opens the transport connection; independent of the M3UA role.</summary>
public enum ConnectMode
{
    Client,
    Server,
}
