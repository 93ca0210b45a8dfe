namespace Gateway.M3ua;

/// <summary>sac_state of an SCTP_ASSOC_CHANGE notification (enum sctp_sac_state in linux/sctp.h).</summary>
public enum SctpAssociationState : ushort
{
    CommunicationUp = 0,
    CommunicationLost = 1,
    Restart = 2,
    ShutdownComplete = 3,
    CannotStartAssociation = 4,
}
