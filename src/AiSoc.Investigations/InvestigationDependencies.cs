using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;

namespace AiSoc.Investigations;

/// <summary>The ports and settings an investigation host provides to the orchestration and its activities.</summary>
public sealed class InvestigationDependencies
{
    public required InvestigationOptions Options { get; init; }

    public required PlaybookCatalog Playbooks { get; init; }

    public required ResponsePolicySource Policy { get; init; }

    public required IActionRateCounter RateCounter { get; init; }

    public required IInvestigationStore Incidents { get; init; }

    public required IApprovalStore Approvals { get; init; }

    public required IAuditLog Audit { get; init; }

    public required INotifier Notifier { get; init; }

    public required ICaseRecordSink Cases { get; init; }

    public required IEntityEnricher Enricher { get; init; }

    public required IResponseActionExecutor Executor { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
