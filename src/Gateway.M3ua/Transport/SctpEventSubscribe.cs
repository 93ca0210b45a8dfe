using System.Runtime.InteropServices;

namespace Gateway.M3ua;

/// <summary>
/// struct sctp_event_subscribe (linux/sctp.h), for SCTP_EVENTS: the older all-at-once subscription, used only where a
/// kernel refuses SCTP_EVENT. One octet per notification type, in this order.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 14)]
internal struct SctpEventSubscribe
{
    [FieldOffset(0)] public byte DataIo;              // sctp_data_io_event
    [FieldOffset(1)] public byte Association;         // sctp_association_event
    [FieldOffset(2)] public byte Address;             // sctp_address_event
    [FieldOffset(3)] public byte SendFailure;         // sctp_send_failure_event
    [FieldOffset(4)] public byte PeerError;           // sctp_peer_error_event
    [FieldOffset(5)] public byte Shutdown;            // sctp_shutdown_event
    [FieldOffset(6)] public byte PartialDelivery;     // sctp_partial_delivery_event
    [FieldOffset(7)] public byte AdaptationLayer;     // sctp_adaptation_layer_event
    [FieldOffset(8)] public byte Authentication;      // sctp_authentication_event
    [FieldOffset(9)] public byte SenderDry;           // sctp_sender_dry_event
    [FieldOffset(10)] public byte StreamReset;        // sctp_stream_reset_event
    [FieldOffset(11)] public byte AssocReset;         // sctp_assoc_reset_event
    [FieldOffset(12)] public byte StreamChange;       // sctp_stream_change_event
    [FieldOffset(13)] public byte SendFailureEvent;   // sctp_send_failure_event_event

    /// <summary>Octets up to and including <see cref="Shutdown"/>: every kernel since 2.6 accepts this much.</summary>
    public const int ThroughShutdown = 6;
}
