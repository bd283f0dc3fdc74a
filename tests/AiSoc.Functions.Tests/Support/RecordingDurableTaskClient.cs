using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AiSoc.Functions.Tests.Support;

/// <summary>
/// A <see cref="DurableTaskClient"/> that records scheduled instances, instance queries and raised events, and
/// reports the instance states a test sets. Members the starter and the approval route never call throw.
/// </summary>
internal sealed class RecordingDurableTaskClient() : DurableTaskClient("recording")
{
    private readonly ConcurrentDictionary<string, OrchestrationRuntimeStatus> _states = new(StringComparer.Ordinal);

    public List<(TaskName Name, object? Input, StartOrchestrationOptions? Options)> Scheduled { get; } = [];

    public List<string> Queried { get; } = [];

    public List<(string InstanceId, string EventName, object? Payload)> RaisedEvents { get; } = [];

    /// <summary>Makes <see cref="GetInstanceAsync(string, bool, CancellationToken)"/> report an instance in <paramref name="status"/>.</summary>
    public void SetState(string instanceId, OrchestrationRuntimeStatus status) => _states[instanceId] = status;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        Scheduled.Add((orchestratorName, input, options));
        _states[instanceId] = OrchestrationRuntimeStatus.Pending;
        return Task.FromResult(instanceId);
    }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        Queried.Add(instanceId);
        var metadata = _states.TryGetValue(instanceId, out var status)
            ? new OrchestrationMetadata("InvestigationOrchestrator", instanceId) { RuntimeStatus = status }
            : null;
        return Task.FromResult(metadata);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        RaisedEvents.Add((instanceId, eventName, eventPayload));
        return Task.CompletedTask;
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw new NotSupportedException();

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
