using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiSoc.Core.Response;

/// <summary>
/// Decides, outside any language model, which actions of a plan run automatically, which need approval and which
/// are blocked. The same rules run again right before each action executes, with the policy and time of that
/// moment (<see cref="RecheckBeforeExecution"/>).
/// </summary>
public sealed class ResponsePolicy
{
    private readonly ResponsePolicyOptions _options;
    private readonly IActionRateCounter _rateCounter;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <exception cref="OptionsValidationException"><paramref name="options"/> is invalid.</exception>
    public ResponsePolicy(ResponsePolicyOptions options, IActionRateCounter rateCounter, TimeProvider timeProvider, ILogger<ResponsePolicy>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rateCounter);
        ArgumentNullException.ThrowIfNull(timeProvider);

        ThrowIfInvalid(options);
        _options = options;
        _rateCounter = rateCounter;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<ResponsePolicy>.Instance;
    }

    /// <summary>
    /// Decides every action of <paramref name="plan"/>. An action that passes every automatic-run rule reserves one
    /// slot of its blast-radius limit; when the limit is reached it needs approval. Shadow mode reserves nothing.
    /// </summary>
    public async Task<PolicyEvaluation> EvaluateAsync(ResponsePlan plan, PolicyContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);

        var now = _timeProvider.GetUtcNow();
        var decisions = new List<ActionDecision>(plan.Actions.Count);
        foreach (var action in plan.Actions)
        {
            var decision = await DecideAsync(action, context, now, cancellationToken).ConfigureAwait(false);
            Log(context, decision);
            decisions.Add(decision);
        }

        return new PolicyEvaluation(plan, decisions, now);
    }

    /// <summary>
    /// Re-checks one action right before it runs, with <paramref name="currentOptions"/> and <paramref name="now"/>
    /// rather than those of the evaluation. An approved action runs unless its type is now blocked or shadow mode is
    /// on. An action decided as automatic must pass every automatic-run rule again, or it needs approval. The
    /// blast-radius slot reserved at evaluation is not reserved again.
    /// </summary>
    /// <param name="action">The action about to run.</param>
    /// <param name="context">The incident facts at this moment, such as a verdict changed by new alerts.</param>
    /// <param name="approvedByPerson">True when a person approved the action.</param>
    /// <param name="currentOptions">The policy in force now.</param>
    /// <param name="now">The current time.</param>
    public PreExecutionCheck RecheckBeforeExecution(ProposedAction action, PolicyContext context, bool approvedByPerson, ResponsePolicyOptions currentOptions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(currentOptions);
        ThrowIfInvalid(currentOptions);

        var check = Recheck(action, context, approvedByPerson, currentOptions, now);
        if (check.Clearance != ExecutionClearance.Execute)
        {
            ResponsePolicyLog.RecheckStopped(_logger, action.IdempotencyKey, context.InvestigationId, check.Clearance, check.Reasons);
        }

        return check;
    }

    private static PreExecutionCheck Recheck(ProposedAction action, PolicyContext context, bool approvedByPerson, ResponsePolicyOptions options, DateTimeOffset now)
    {
        if (options.IsBlocked(action.Type))
        {
            return new PreExecutionCheck(action, ExecutionClearance.Blocked, [$"action {ActionCatalog.Name(action.Type)} is blocked by policy"]);
        }

        if (options.ShadowMode)
        {
            return new PreExecutionCheck(action, ExecutionClearance.ShadowOnly, ["shadow mode is on, so nothing runs"]);
        }

        if (approvedByPerson)
        {
            return new PreExecutionCheck(action, ExecutionClearance.Execute, ["approved by a person"]);
        }

        var failures = AutoRunRules.Failures(action, context, options, now);
        return failures.Count == 0
            ? new PreExecutionCheck(action, ExecutionClearance.Execute, ["all automatic-run rules still pass"])
            : new PreExecutionCheck(action, ExecutionClearance.NeedsApproval, failures);
    }

    private async Task<ActionDecision> DecideAsync(ProposedAction action, PolicyContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_options.IsBlocked(action.Type))
        {
            return new ActionDecision(action, ActionDisposition.Block, [$"action {ActionCatalog.Name(action.Type)} is blocked by policy"], _options.ShadowMode);
        }

        var failures = AutoRunRules.Failures(action, context, _options, now);
        if (failures.Count > 0)
        {
            return new ActionDecision(action, ActionDisposition.RequireApproval, failures, _options.ShadowMode);
        }

        if (_options.ShadowMode)
        {
            return new ActionDecision(action, ActionDisposition.AutoExecute, ["all automatic-run rules pass", "shadow mode is on, so nothing runs and no blast-radius slot is used"], ShadowOnly: true);
        }

        if (ActionCatalog.IsContainment(action.Type) && !await TryReserveAsync(action, context, now, cancellationToken).ConfigureAwait(false))
        {
            var limit = _options.BlastRadiusLimit(action.Type);
            return new ActionDecision(action, ActionDisposition.RequireApproval, [$"the blast-radius limit of {limit} automatic {ActionCatalog.Name(action.Type)} actions per {_options.BlastRadiusWindow} is reached"], ShadowOnly: false);
        }

        return new ActionDecision(action, ActionDisposition.AutoExecute, ["all automatic-run rules pass"], ShadowOnly: false);
    }

    private async Task<bool> TryReserveAsync(ProposedAction action, PolicyContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = ActionCatalog.Name(action.Type);
        var limit = _options.BlastRadiusLimit(action.Type);
        var windowStart = BlastRadiusGate.WindowStart(now, _options.BlastRadiusWindow);
        var reserved = await BlastRadiusGate.TryReserveAsync(_rateCounter, kind, windowStart, limit, cancellationToken).ConfigureAwait(false);
        if (!reserved)
        {
            ResponsePolicyLog.BlastRadiusReached(_logger, limit, kind, context.InvestigationId, action.IdempotencyKey);
        }

        return reserved;
    }

    private void Log(PolicyContext context, ActionDecision decision)
    {
        if (decision.ShadowOnly)
        {
            ResponsePolicyLog.ShadowDecision(_logger, context.InvestigationId, decision.Action.IdempotencyKey, decision.Disposition);
            return;
        }

        ResponsePolicyLog.Decision(_logger, context.InvestigationId, decision.Action.IdempotencyKey, decision.Disposition, decision.Reasons);
    }

    private static void ThrowIfInvalid(ResponsePolicyOptions options)
    {
        var result = new ResponsePolicyOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(ResponsePolicyOptions.SectionName, typeof(ResponsePolicyOptions), result.Failures);
        }
    }
}
