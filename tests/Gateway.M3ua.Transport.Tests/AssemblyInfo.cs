// The socket ledger and the count of open socket descriptors are process-wide: tests that check them must not share
// the process with tests opening sockets at the same time. The whole suite takes seconds, so it simply runs serially.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
