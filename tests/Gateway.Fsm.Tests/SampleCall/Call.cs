namespace Gateway.Fsm.Tests.SampleCall;

/// <summary>
/// The context of the sample machine. With <see cref="Recording"/> on, actions append to <see cref="Log"/>
/// so tests can assert their order; with it off they only count, so the allocation test measures the
/// machine and not the log.
/// </summary>
public sealed class Call : IStateful<CallState>
{
    public CallState State { get; set; } = CallState.Idle;

    public bool Recording { get; set; } = true;

    public List<string> Log { get; } = [];

    public int ActionCount { get; private set; }

    public int UnhandledCount { get; private set; }

    public bool FreeCallsAllowed { get; set; }

    public bool FastAnswerAllowed { get; set; }

    public AnswerInfo LastAnswer { get; set; }

    public void Record(string entry)
    {
        ActionCount++;
        if (Recording)
        {
            Log.Add(entry);
        }
    }

    public void RecordTransition(Transition<CallState, CallTrigger> transition)
    {
        ActionCount++;
        if (Recording)
        {
            Log.Add($"transitioned {transition.Source} -> {transition.Destination} on {transition.Trigger}");
        }
    }

    public void RecordUnhandled(CallState state, CallTrigger trigger, ReadOnlySpan<string> unmetGuards)
    {
        UnhandledCount++;
        if (Recording)
        {
            Log.Add($"unhandled {trigger} in {state} [{string.Join(", ", unmetGuards.ToArray())}]");
        }
    }
}
