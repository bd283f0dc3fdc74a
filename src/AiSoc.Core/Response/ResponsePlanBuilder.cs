using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Core.Response;

/// <summary>Builds the response plan of a playbook for one incident.</summary>
public static class ResponsePlanBuilder
{
    /// <summary>
    /// Binds each playbook action to every incident entity of its target kind. Entities without an actionable
    /// identifier are skipped, and so are private IP addresses for <c>block-indicator</c>, because blocking
    /// an internal address at the perimeter does not contain anything. An action with no target is left out.
    /// </summary>
    public static ResponsePlan Build(string investigationId, Playbook playbook, IncidentSummary incident)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(investigationId);
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(incident);

        var targets = incident.Entities
            .Select(TargetResolver.Resolve)
            .OfType<ActionTarget>()
            .DistinctBy(target => target.Key)
            .ToList();

        var actions = new List<ProposedAction>();
        foreach (var action in playbook.Actions)
        {
            foreach (var target in TargetsOf(action, targets, incident))
            {
                actions.Add(new ProposedAction
                {
                    ActionId = action.Id,
                    Type = action.Type,
                    Target = target,
                    Impact = action.Impact,
                    AutoRun = action.AutoRun,
                    ApprovalTimeout = action.ApprovalTimeout,
                    EscalateTo = action.EscalateTo,
                    Task = action.Task,
                    ConfirmRole = action.ConfirmRole,
                    IdempotencyKey = IdempotencyKey(investigationId, action, target),
                });
            }
        }

        // Two playbook actions of the same type on the same target would run once; keep the first.
        var distinct = actions
            .DistinctBy(action => action.IdempotencyKey)
            .OrderBy(action => action.IdempotencyKey, StringComparer.Ordinal)
            .ToList();

        return new ResponsePlan
        {
            InvestigationId = investigationId,
            PlaybookId = playbook.Id,
            Actions = distinct,
            PlanHash = PlanHasher.Compute(distinct),
        };
    }

    private static IEnumerable<ActionTarget> TargetsOf(PlaybookAction action, List<ActionTarget> targets, IncidentSummary incident)
    {
        if (action.TargetKind == ActionCatalog.IncidentTarget)
        {
            return [new ActionTarget(ActionCatalog.IncidentTarget, incident.Id, incident.Title)];
        }

        return targets.Where(target => target.Kind == action.TargetKind && !IsPrivateIpBlock(action, target));
    }

    private static bool IsPrivateIpBlock(PlaybookAction action, ActionTarget target) =>
        action.Type == ResponseActionType.BlockIndicator && target.Entity is IpEntity { IsPrivate: true };

    // Manual tasks of different playbook actions on one target are different steps, so their key includes the action id.
    private static string IdempotencyKey(string investigationId, PlaybookAction action, ActionTarget target)
    {
        var actionName = action.Type == ResponseActionType.ManualTask
            ? ActionCatalog.Name(action.Type) + "/" + action.Id
            : ActionCatalog.Name(action.Type);
        return string.Join('|', investigationId, actionName, target.Key);
    }
}
