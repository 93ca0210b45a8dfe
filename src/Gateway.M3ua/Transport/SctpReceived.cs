namespace Gateway.M3ua;

/// <summary>
/// What one non-blocking recvmsg on an SCTP socket returned: <see cref="Errno"/> is 0 on success (EAGAIN when nothing
/// is queued). <see cref="EndOfRecord"/> (MSG_EOR) says the message is complete; without it the buffer was too small.
/// </summary>
internal readonly record struct SctpReceived(int Length, bool Notification, bool EndOfRecord, ushort Stream, uint Ppid, int Errno);
