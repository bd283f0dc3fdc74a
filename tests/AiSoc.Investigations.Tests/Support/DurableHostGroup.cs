namespace AiSoc.Investigations.Tests.Support;

/// <summary>xUnit collection whose test classes start in-process Durable Task hosts and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DurableHostGroup
{
    public const string Name = "in-process durable host";
}
