namespace Gateway.M3ua.Transport.Tests;

/// <summary>
/// Every management event of an association, in order, for a test to await the one it expects. A waiter that comes
/// after its event finds it in the history, so a test need not be listening before the association starts.
/// </summary>
internal sealed class ManagementEventLog : IM3uaManagementEventSink
{
    private readonly Lock _gate = new();
    private readonly List<M3uaManagementEvent> _events = [];
    private readonly List<(Func<M3uaManagementEvent, bool> Matches, TaskCompletionSource<M3uaManagementEvent> Found)> _waiters = [];

    public void Report(in M3uaManagementEvent managementEvent)
    {
        M3uaManagementEvent reported = managementEvent;
        List<TaskCompletionSource<M3uaManagementEvent>> found = [];
        lock (_gate)
        {
            _events.Add(reported);
            _waiters.RemoveAll(waiter =>
            {
                if (!waiter.Matches(reported)) return false;
                found.Add(waiter.Found);
                return true;
            });
        }

        // Outside the lock: the continuations run asynchronously anyway, but a waiter must never run under it.
        foreach (var waiter in found) waiter.TrySetResult(reported);
    }

    /// <summary>Everything reported so far, as log lines: what a failed wait shows.</summary>
    public string History()
    {
        lock (_gate) return string.Join(Environment.NewLine, _events.Select(e => "  " + e));
    }

    /// <summary>The first event, reported or to come, that matches; fails with the history after <paramref name="patience"/>.</summary>
    public async Task<M3uaManagementEvent> WaitFor(Func<M3uaManagementEvent, bool> matches, string what, TimeSpan patience)
    {
        var found = new TaskCompletionSource<M3uaManagementEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (M3uaManagementEvent reported in _events)
            {
                if (matches(reported)) return reported;
            }

            _waiters.Add((matches, found));
        }

        try
        {
            return await found.Task.WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No {what} within {patience}. Events so far:{Environment.NewLine}{History()}");
            throw;
        }
    }
}
