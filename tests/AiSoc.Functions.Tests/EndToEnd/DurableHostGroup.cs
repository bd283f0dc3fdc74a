namespace AiSoc.Functions.Tests.EndToEnd;

/// <summary>
/// Tests that start the in-process Durable Task host run alone, because timers and events of that host arrive
/// late when the machine is busy with other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurableHostGroup
{
    public const string Name = "In-process Durable Task host";
}
