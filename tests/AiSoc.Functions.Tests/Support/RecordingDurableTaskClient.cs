using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AiSoc.Functions.Tests.Support;

/// <summary>
/// A <see cref="DurableTaskClient"/> that records scheduled instances, instance queries and raised events, and
/// reports the instance states and instances a test sets. Members the starter and the approval route never call throw.
/// </summary>
internal sealed class RecordingDurableTaskClient() : DurableTaskClient("recording")
{
    private readonly ConcurrentDictionary<string, OrchestrationRuntimeStatus> _states = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OrchestrationMetadata> _instances = new(StringComparer.Ordinal);

    public List<(TaskName Name, object? Input, StartOrchestrationOptions? Options)> Scheduled { get; } = [];

    public List<string> Queried { get; } = [];

    public List<(string InstanceId, string EventName, object? Payload)> RaisedEvents { get; } = [];

    /// <summary>Instance queries passed to <see cref="GetAllInstancesAsync"/>.</summary>
    public List<OrchestrationQuery?> InstanceQueries { get; } = [];

    /// <summary>Pages read from <see cref="GetAllInstancesAsync"/>.</summary>
    public int PagesRead { get; private set; }

    /// <summary>Makes the instance queries report <paramref name="metadata"/>, with its custom status, times and input.</summary>
    public void SetInstance(OrchestrationMetadata metadata) => _instances[metadata.InstanceId] = metadata;

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
        if (_instances.TryGetValue(instanceId, out var instance))
        {
            return Task.FromResult<OrchestrationMetadata?>(instance);
        }

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

    /// <summary>Returns the instances set with <see cref="SetInstance"/> that match the query's statuses, in pages of its page size.</summary>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        InstanceQueries.Add(filter);
        var matching = _instances.Values
            .Where(instance => filter?.Statuses is null || filter.Statuses.Contains(instance.RuntimeStatus))
            .OrderBy(instance => instance.InstanceId, StringComparer.Ordinal)
            .ToList();
        var pageSize = filter?.PageSize ?? OrchestrationQuery.DefaultPageSize;
        return Pageable.Create((continuation, _, _) =>
        {
            PagesRead++;
            var start = continuation is null ? 0 : int.Parse(continuation, System.Globalization.CultureInfo.InvariantCulture);
            var next = start + pageSize < matching.Count ? (start + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new Page<OrchestrationMetadata>([.. matching.Skip(start).Take(pageSize)], next));
        });
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
