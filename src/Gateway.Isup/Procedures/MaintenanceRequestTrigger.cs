namespace Gateway.Isup;

/// <summary>What moves a maintenance request.</summary>
internal enum MaintenanceRequestTrigger
{
    Start,
    ShortTimerExpired,
    LongTimerExpired,
    Acknowledged,
    Cancelled,
}
