using Microsoft.DurableTask;

namespace AiSoc.Functions.Investigations;

/// <summary>The <see cref="TaskActivityContext"/> an activity wrapper hands to the shared activity class.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
