using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Stores;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace AiSoc.Investigations.Tests.Support;

/// <summary>
/// Runs investigations on the in-process Durable Task host with in-memory stores, the dry-run executor and locally
/// signed approver tokens. Waits poll the instance state; none sleeps for a fixed time.
/// </summary>
internal sealed class InvestigationHarness : IAsyncDisposable
{
    public const string TriageKey = "run-1";
    public const string ApproverUpn = "sam.approver@contoso.com";
    public const string ApproverOid = "22222222-2222-2222-2222-222222222222";

    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web);

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private DurableTaskTestHost? _host;

    public InvestigationHarness(PlaybookCatalog? playbooks = null, ResponsePolicyOptions? policy = null, IEntityEnricher? enricher = null, IResponseActionExecutor? executor = null)
    {
        Playbooks = playbooks ?? TestPlaybooks.AccountPlaybook();
        Policy = new ResponsePolicySource(policy ?? AutomaticPolicy());
        Enricher = enricher ?? new EvidenceEnricher();
        Executor = executor ?? DryRun;
        Approvals = new HookedApprovalStore(new InMemoryApprovalStore());
        Audit = new InMemoryAuditLog(TimeProvider.System);
        Approver = new LocalApprover(TimeProvider.System, "mfa");
        Handler = new ApprovalHandler(Approvals, new ApproverTokenValidator(Approver.Options(), TimeProvider.System), Approver.Options(), Audit, TimeProvider.System);
    }

    public PlaybookCatalog Playbooks { get; }

    public ResponsePolicySource Policy { get; }

    public IEntityEnricher Enricher { get; }

    public DryRunActionExecutor DryRun { get; } = new();

    public IResponseActionExecutor Executor { get; }

    public HookedApprovalStore Approvals { get; }

    public InMemoryAuditLog Audit { get; }

    public InMemoryInvestigationStore Incidents { get; } = new();

    public RecordingNotifier Notifier { get; } = new();

    public InMemoryCaseRecordSink Cases { get; } = new();

    public LocalApprover Approver { get; }

    public ApprovalHandler Handler { get; }

    public DurableTaskClient Client => _host?.Client ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>Policy that lets low-impact actions run automatically on confident malicious verdicts.</summary>
    public static ResponsePolicyOptions AutomaticPolicy() => new() { ShadowMode = false };

    public async Task StartAsync()
    {
        var dependencies = new InvestigationDependencies
        {
            Options = new InvestigationOptions { VerifyPollInterval = TimeSpan.FromMilliseconds(100), ApprovalRecheckInterval = TimeSpan.FromSeconds(1) },
            Playbooks = Playbooks,
            Policy = Policy,
            RateCounter = new InMemoryActionRateCounter(),
            Incidents = Incidents,
            Approvals = Approvals,
            Audit = Audit,
            Notifier = Notifier,
            Cases = Cases,
            Enricher = Enricher,
            Executor = Executor,
        };

        _host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddInvestigationTasks(),
            new DurableTaskTestHostOptions
            {
                Port = FreeLoopbackPort(),
                ConfigureServices = services => services.AddInvestigationServices(dependencies),
            });
    }

    /// <summary>Stores <paramref name="incident"/> and starts its investigation; returns the instance id.</summary>
    public async Task<string> InvestigateAsync(StoredIncident incident)
    {
        await Incidents.SaveAsync(TriageKey, incident);
        var investigationId = "inv-" + incident.Incident.Id;
        var input = new InvestigationInput(investigationId, incident.Incident.Id, TriageKey);
        return await Client.ScheduleNewOrchestrationInstanceAsync(nameof(InvestigationOrchestrator), input, new StartOrchestrationOptions(investigationId));
    }

    /// <summary>Waits until the instance's custom status shows <paramref name="stage"/>, and returns that status.</summary>
    public async Task<InvestigationStatus> WaitForStageAsync(string instanceId, string stage)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            if (metadata?.SerializedCustomStatus is { } json
                && JsonSerializer.Deserialize<InvestigationStatus>(json, StatusJson) is { } status
                && status.Stage == stage)
            {
                return status;
            }

            if (metadata is { IsCompleted: true })
            {
                throw new InvalidOperationException($"Instance {instanceId} ended as {metadata.RuntimeStatus} before reaching stage {stage}: {metadata.FailureDetails?.ErrorMessage}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    /// <summary>Waits until the instance waits for an approval request other than <paramref name="previousApprovalId"/>.</summary>
    public async Task<InvestigationStatus> WaitForNewApprovalAsync(string instanceId, string previousApprovalId)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var status = await WaitForStageAsync(instanceId, InvestigationStages.AwaitingApproval);
            if (status.ApprovalId != previousApprovalId)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    /// <summary>Saves <paramref name="incident"/> again and raises the incident update event, as the webhook does.</summary>
    public async Task UpdateIncidentAsync(string instanceId, StoredIncident incident)
    {
        await Incidents.SaveAsync(TriageKey, incident);
        await RaiseUpdateAsync(instanceId, incident.Incident.Id);
    }

    /// <summary>Raises the incident update event without changing the stored incident.</summary>
    public Task RaiseUpdateAsync(string instanceId, string incidentId) =>
        Client.RaiseEventAsync(instanceId, InvestigationOrchestrator.IncidentUpdatedEvent, new IncidentUpdateEvent("incident", incidentId, DateTimeOffset.UtcNow));

    /// <summary>Waits for the investigation to finish and returns its case record.</summary>
    public async Task<(OrchestrationMetadata Metadata, CaseRecord? Record)> WaitForCompletionAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        OrchestrationMetadata metadata;
        try
        {
            metadata = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            var current = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            throw new TimeoutException($"Instance {instanceId} did not complete within {WaitLimit}; it is {current?.RuntimeStatus} with status {current?.SerializedCustomStatus}.");
        }

        return (metadata, metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<CaseRecord>() : null);
    }

    /// <summary>Sends a decision through the approval handler, then raises the event the way a channel does.</summary>
    public async Task<ApprovalResult> DecideAsync(string instanceId, string approvalId, bool approve, string? token = null, string? planHash = null, bool raiseEvent = true)
    {
        var stored = await Approvals.GetAsync(approvalId);
        var decision = new ApprovalDecision(approvalId, planHash ?? stored?.Request.PlanHash ?? "unknown", approve, "test decision", token ?? ApproverToken());
        var result = await Handler.DecideAsync(decision);
        if (raiseEvent)
        {
            await Client.RaiseEventAsync(instanceId, InvestigationOrchestrator.ApprovalDecidedEvent, approvalId);
        }

        return result;
    }

    public string ApproverToken() => Approver.CreateToken(ApproverUpn, ApproverOid);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Approver.Dispose();
    }

    // The test host's gRPC sidecar binds to localhost; a free loopback port avoids clashes between parallel hosts.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
