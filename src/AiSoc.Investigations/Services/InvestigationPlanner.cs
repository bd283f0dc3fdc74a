using AiSoc.Core.Response;
using AiSoc.Core.Schema;
using AiSoc.Investigations.Ports;

namespace AiSoc.Investigations.Services;

/// <summary>
/// Loads an investigation's incident and rebuilds its response plan. Plans are rebuilt in every activity that
/// needs one rather than passed through the orchestration, because action targets carry the incident entities
/// that the protected-entity rules read, and those do not survive serialization. The build is deterministic, and
/// callers compare the plan hash with the one the decision was made on.
/// </summary>
public sealed class InvestigationPlanner
{
    /// <summary>Id of the plan given to incidents that no playbook action applies to.</summary>
    public const string HumanReviewPlaybookId = "human-review";

    private readonly IInvestigationStore _store;
    private readonly PlaybookCatalog _playbooks;
    private readonly InvestigationOptions _options;

    public InvestigationPlanner(IInvestigationStore store, PlaybookCatalog playbooks, InvestigationOptions options)
    {
        _store = store;
        _playbooks = playbooks;
        _options = options;
    }

    /// <exception cref="InvalidOperationException">The incident is not in the store.</exception>
    public async Task<StoredIncident> LoadAsync(InvestigationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);

        return await _store.GetAsync(input.TriageKey, input.IncidentId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Incident {input.IncidentId} was not found under triage key {input.TriageKey}.");
    }

    /// <summary>
    /// Builds the plan of the first matching playbook, in id order. A benign incident that no playbook matches
    /// gets no plan. Any other incident whose plan would be empty, such as one without entities, gets a single
    /// review task for a person, so nothing is closed without a human look.
    /// </summary>
    public ResponsePlan? BuildPlan(InvestigationInput input, StoredIncident stored)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stored);

        // NOTE: only the first matching playbook is used; a second match is ignored rather than merged.
        var matches = _playbooks.Match(stored.Incident, [.. stored.Alerts]);
        var playbook = matches.Count > 0 ? matches[0] : null;
        if (playbook is not null)
        {
            var plan = ResponsePlanBuilder.Build(input.InvestigationId, playbook, stored.Incident);
            if (plan.Actions.Count > 0)
            {
                return plan;
            }
        }

        if (stored.Incident.Verdict == Verdict.Benign)
        {
            return null;
        }

        return ResponsePlanBuilder.Build(input.InvestigationId, HumanReviewPlaybook(), stored.Incident);
    }

    /// <summary>Rebuilds the plan and checks that its hash is still <paramref name="planHash"/>.</summary>
    /// <exception cref="InvalidOperationException">The plan changed, for example because the playbooks were edited.</exception>
    public async Task<(StoredIncident Incident, ResponsePlan Plan)> RebuildAsync(InvestigationInput input, string planHash, CancellationToken cancellationToken = default)
    {
        var stored = await LoadAsync(input, cancellationToken).ConfigureAwait(false);
        var plan = BuildPlan(input, stored);
        if (plan is null || !string.Equals(plan.PlanHash, planHash, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The plan of investigation {input.InvestigationId} changed since it was decided (expected {PlanHasher.Shorten(planHash)}, now {(plan is null ? "none" : plan.ShortHash)}); no action runs on a changed plan.");
        }

        return (stored, plan);
    }

    private Playbook HumanReviewPlaybook() => new()
    {
        Id = HumanReviewPlaybookId,
        Name = "Review by a person",
        SourceFile = "(built in)",
        Match = new PlaybookMatch(),
        Enrichments = [],
        Actions =
        [
            new PlaybookAction
            {
                Id = "review-incident",
                Type = ResponseActionType.ManualTask,
                TargetKind = ActionCatalog.IncidentTarget,
                Impact = ImpactLevel.Low,
                AutoRun = false,
                ApprovalTimeout = _options.HumanReviewTimeout,
                EscalateTo = _options.HumanReviewEscalateTo,
                Task = "No playbook action applies to this incident; review it and decide on a response.",
            },
        ],
    };
}
