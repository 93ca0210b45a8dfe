namespace Gateway.M3ua;

/// <summary>spc_state of an SCTP_PEER_ADDR_CHANGE notification (enum sctp_spc_state in linux/sctp.h).</summary>
public enum SctpPeerAddressState
{
    Available = 0,
    Unreachable = 1,
    Removed = 2,
    Added = 3,
    MadePrimary = 4,
    Confirmed = 5,
    PotentiallyFailed = 6,
}
