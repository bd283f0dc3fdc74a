using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace AiSoc.Cli.Commands;

/// <summary>
/// Runs investigations on the in-process Durable Task host of the Microsoft.DurableTask.InProcessTestHost package:
/// an in-memory orchestration service behind a gRPC sidecar on a loopback port. The orchestrations are the same
/// ones a production worker runs; only the backend is in memory, so nothing survives the process.
/// </summary>
internal static class InvestigateRun
{
    private static readonly TimeSpan CompletionLimit = TimeSpan.FromHours(12);

    // Investigations run one at a time. NOTE: with the package's sidecar (0.2.3-preview.1) on two cores, two or more
    // in flight made each take seconds with the CPU idle (2: 6.5 s median, 8: 26 s), and without the approval
    // re-check timer some decision events never arrived. One at a time took 15 ms median. The cause is not known.
    private const int MaxInFlight = 1;

    /// <summary>Per-investigation result with its wall time from scheduling to completion.</summary>
    public sealed record Completed(string InvestigationId, OrchestrationRuntimeStatus Status, CaseRecord? Record, TimeSpan Elapsed, string? Failure);

    public static async Task<IReadOnlyList<Completed>> RunAsync(
        InvestigationDependencies dependencies,
        InvestigateApprovalResponder? responder,
        IReadOnlyList<InvestigationInput> inputs,
        CancellationToken cancellationToken)
    {
        QuietenSidecarLogging();

        await using var host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddInvestigationTasks(),
            new DurableTaskTestHostOptions
            {
                Port = FreeLoopbackPort(),
                ConfigureServices = services => services.AddInvestigationServices(dependencies),
            },
            cancellationToken).ConfigureAwait(false);
        responder?.Start(host.Client);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CompletionLimit);
        using var slots = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var completions = inputs.Select(async input =>
        {
            await slots.WaitAsync(limit.Token).ConfigureAwait(false);
            try
            {
                var startTicks = Stopwatch.GetTimestamp();
                await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(InvestigationOrchestrator), input, new StartOrchestrationOptions(input.InvestigationId), limit.Token).ConfigureAwait(false);
                var metadata = await host.Client.WaitForInstanceCompletionAsync(input.InvestigationId, getInputsAndOutputs: true, limit.Token).ConfigureAwait(false);
                var elapsed = Stopwatch.GetElapsedTime(startTicks);
                var record = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? metadata.ReadOutputAs<CaseRecord>() : null;
                return new Completed(input.InvestigationId, metadata.RuntimeStatus, record, elapsed, metadata.FailureDetails?.ErrorMessage);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(completions).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the dependencies of a local run with file stores in <paramref name="state"/>. Without a tenant, enrichment
    /// reads the alerts' own evidence and every action is a dry run.
    /// </summary>
    public static InvestigationDependencies LocalDependencies(
        InvestigateStatePaths state,
        PlaybookCatalog playbooks,
        IInvestigationStore incidents,
        IApprovalStore approvals,
        IAuditLog audit,
        INotifier notifier,
        ICaseRecordSink cases,
        InvestigateTenant? tenant = null,
        bool dryRun = true) => new()
        {
            // Shadow mode is off because the case should show what runs, or in a dry run what would have run.
            Options = new InvestigationOptions { DryRun = dryRun, VerifyPollInterval = TimeSpan.FromSeconds(1), ApprovalRecheckInterval = TimeSpan.FromSeconds(2) },
            Playbooks = playbooks,
            Policy = new ResponsePolicySource(new ResponsePolicyOptions { ShadowMode = false }),
            RateCounter = new FileActionRateCounter(state.RateCounters),
            Incidents = incidents,
            Approvals = approvals,
            Audit = audit,
            Notifier = notifier,
            Cases = cases,
            Enricher = tenant?.Enricher ?? new EvidenceEnricher(),
            Executor = tenant?.Executor ?? new DryRunActionExecutor(),
        };

    // The sidecar host reads logging settings from environment variables; without this it prints its start-up
    // and per-request lines to standard output.
    private static void QuietenSidecarLogging()
    {
        if (Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is null)
        {
            Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        }
    }

    // The package binds its sidecar to "localhost", which Kestrel maps to the loopback addresses 127.0.0.1 and ::1.
    // A free port is picked here so parallel runs do not collide.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
