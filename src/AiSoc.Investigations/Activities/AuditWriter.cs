using AiSoc.Core.Audit;

namespace AiSoc.Investigations.Activities;

// Appends one audit entry; activities call it once per step, decision or action they record.
internal static class AuditWriter
{
    public static Task AppendAsync(IAuditLog audit, string investigationId, string kind, string name, string actor, string outcome, Dictionary<string, string>? inputs = null) =>
        audit.AppendAsync(new AuditEntry
        {
            InvestigationId = investigationId,
            Kind = kind,
            Name = name,
            Actor = actor,
            Outcome = outcome,
            Inputs = inputs ?? [],
        });
}
