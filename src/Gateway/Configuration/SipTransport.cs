namespace Gateway.Configuration;

public enum SipTransport
{
    Udp,
    Tcp,
}
