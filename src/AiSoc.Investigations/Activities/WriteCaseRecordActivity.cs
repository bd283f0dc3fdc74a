using AiSoc.Core.Audit;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask;

namespace AiSoc.Investigations.Activities;

/// <summary>Audits the actions that did not run, closes the case and writes the case record and Markdown report.</summary>
public sealed class WriteCaseRecordActivity(IAuditLog audit, ICaseRecordSink sink) : TaskActivity<CaseRecord, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, CaseRecord input)
    {
        foreach (var outcome in input.Actions.Where(outcome => IsDecisionResult(outcome.Result)))
        {
            await AuditWriter.AppendAsync(audit, input.InvestigationId, "action", "action-not-run", "investigation", outcome.Result, new()
            {
                ["action"] = outcome.IdempotencyKey,
                ["reasons"] = string.Join("; ", outcome.Reasons),
            }).ConfigureAwait(false);
        }

        await AuditWriter.AppendAsync(audit, input.InvestigationId, "step", "case-closed", "investigation", "succeeded", new()
        {
            ["incidentId"] = input.IncidentId,
            ["planHash"] = input.PlanHash ?? "none",
        }).ConfigureAwait(false);

        var records = await audit.ReadInvestigationAsync(input.InvestigationId).ConfigureAwait(false);
        var report = CaseReportBuilder.Build(input, records);
        await sink.WriteAsync(input, report).ConfigureAwait(false);
        return input.IncidentId;
    }

    // Results decided by the orchestration rather than by an activity that already audited them.
    private static bool IsDecisionResult(string result) => result is "rejected" or "expired" or "withdrawn" or "blocked" or "shadow-only";
}
