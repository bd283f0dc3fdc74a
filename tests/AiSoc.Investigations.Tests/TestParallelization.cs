// Each test starts its own in-process Durable Task host. Several hosts running at once on a small machine left
// timers and events undelivered for longer than the tests wait, so the tests in this assembly run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
