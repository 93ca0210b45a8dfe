namespace Gateway.M3ua;

/// <summary>Counts kept over an association's management life, for metrics.</summary>
/// <param name="HeartbeatsSent">BEATs sent.</param>
/// <param name="HeartbeatMismatches">BEAT ACKs that did not echo the outstanding BEAT (ignored).</param>
/// <param name="ErrorsSent">ERR messages sent.</param>
/// <param name="ErrorsReceived">ERR messages received.</param>
public readonly record struct ManagementCounters(long HeartbeatsSent, long HeartbeatMismatches, long ErrorsSent, long ErrorsReceived);
