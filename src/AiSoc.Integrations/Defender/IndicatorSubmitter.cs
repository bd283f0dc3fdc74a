using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;

namespace AiSoc.Integrations.Defender;

/// <summary>
/// Submits and deletes custom indicators for <see cref="ResponseActionType.BlockIndicator"/>, checking the
/// documented limits first: single values only (no CIDR ranges), title and description, expiry, and the tenant's
/// indicator quota.
/// </summary>
internal sealed class IndicatorSubmitter(DefenderApiClient api, DefenderOptions options, TimeProvider timeProvider)
{
    public const string IndicatorIdKey = "indicatorId";
    public const string CreatedByAiSocKey = "createdByAiSoc";

    private static readonly string[] BlockingActions = ["Block", "BlockAndRemediate", "AlertAndBlock"];

    /// <summary>Builds the indicator request for the action's target; null when the target has no usable value.</summary>
    public IndicatorRequest? BuildRequest(ProposedAction action)
    {
        var (value, type) = ValueOf(action.Target);
        if (value is null || type is null)
        {
            return null;
        }

        var indicatorAction = options.IndicatorAction == "Block" && type.StartsWith("File", StringComparison.Ordinal) ? "BlockAndRemediate" : options.IndicatorAction;
        return new IndicatorRequest
        {
            IndicatorValue = value,
            IndicatorType = type,
            Action = indicatorAction,
            Title = $"AiSoc {indicatorAction} {action.Target.Kind} {value}",
            Description = $"Submitted by AiSoc for response action {action.ActionId}. {IdempotencyMarker.For(action.IdempotencyKey)}",
            ExpirationTime = timeProvider.GetUtcNow() + options.IndicatorLifetime,
            RecommendedActions = "Review the AiSoc investigation before removing this indicator.",
        };
    }

    public async Task<ActionExecutionResult> SubmitAsync(ProposedAction action, CancellationToken cancellationToken)
    {
        var request = BuildRequest(action);
        if (request is null)
        {
            return ExecutionResults.Failed($"Target '{action.Target.Key}' has no IP address, URL, domain or file hash to submit as an indicator.");
        }

        var problems = IndicatorRules.Validate(request, timeProvider.GetUtcNow());
        if (problems.Count > 0)
        {
            return ExecutionResults.Failed($"Indicator for '{action.Target.Key}' is invalid: {string.Join(" ", problems)}");
        }

        var marker = IdempotencyMarker.For(action.IdempotencyKey);
        var existing = await api.FindIndicatorsAsync(request.IndicatorValue, cancellationToken).ConfigureAwait(false);

        var ours = existing.FirstOrDefault(indicator => IdempotencyMarker.IsIn(indicator.Description, marker));
        if (ours is not null)
        {
            return new ActionExecutionResult(ActionExecutionStatus.Succeeded, ours.Id, State(ours.Id, "true"), "Found this action's own indicator (replay); nothing was sent.");
        }

        var blocking = existing.FirstOrDefault(indicator => BlockingActions.Contains(indicator.Action, StringComparer.Ordinal)
            && (indicator.ExpirationTime is null || indicator.ExpirationTime > timeProvider.GetUtcNow()));
        if (blocking is not null)
        {
            return new ActionExecutionResult(ActionExecutionStatus.AlreadyInDesiredState, blocking.Id, State(blocking.Id, "false"),
                $"Indicator {blocking.Id} already blocks '{request.IndicatorValue}'; nothing was sent.");
        }

        var count = await api.CountIndicatorsAsync(options.MaxTenantIndicators, cancellationToken).ConfigureAwait(false);
        if (count >= options.MaxTenantIndicators)
        {
            return ExecutionResults.Failed(
                $"The tenant holds {count} indicators, the maximum of {options.MaxTenantIndicators}; delete expired or unused indicators before submitting '{request.IndicatorValue}'.");
        }

        var created = await api.SubmitIndicatorAsync(request, cancellationToken).ConfigureAwait(false);
        return new ActionExecutionResult(ActionExecutionStatus.Succeeded, created.Id, State(created.Id, "true"),
            $"Submitted indicator {created.Id} ({request.Action} {request.IndicatorType}) until {request.ExpirationTime:O}.");
    }

    public async Task<ActionExecutionResult> DeleteAsync(ActionExecutionResult executed, CancellationToken cancellationToken)
    {
        if (!ExecutionResults.TryGet(executed.PreviousState, CreatedByAiSocKey, out var created) || created != "true"
            || !ExecutionResults.TryGet(executed.PreviousState, IndicatorIdKey, out var indicatorId))
        {
            return ExecutionResults.NothingToUndo(executed, "AiSoc did not create the indicator, so it is left in place.");
        }

        await api.DeleteIndicatorAsync(indicatorId, cancellationToken).ConfigureAwait(false);
        return new ActionExecutionResult(ActionExecutionStatus.Succeeded, indicatorId, executed.PreviousState, $"Deleted indicator {indicatorId}.");
    }

    private static (string? Value, string? Type) ValueOf(ActionTarget target) => target.Entity switch
    {
        IpEntity ip => (ip.Address, "IpAddress"),
        UrlEntity url => (url.Url, "Url"),
        DomainEntity domain => (domain.Name, "DomainName"),
        FileEntity { Sha256: { } sha256 } => (sha256, "FileSha256"),
        FileEntity { Sha1: { } sha1 } => (sha1, "FileSha1"),
        FileEntity { Md5: { } md5 } => (md5, "FileMd5"),
        null => target.Kind switch
        {
            "ip" => (target.Id, "IpAddress"),
            "url" => (target.Id, "Url"),
            "domain" => (target.Id, "DomainName"),
            "file" => TargetEntities.File(target) switch
            {
                { Sha256: { } sha256 } => (sha256, "FileSha256"),
                { Sha1: { } sha1 } => (sha1, "FileSha1"),
                { Md5: { } md5 } => (md5, "FileMd5"),
                _ => (null, null),
            },
            _ => (null, null),
        },
        _ => (null, null),
    };

    private static Dictionary<string, string> State(string indicatorId, string createdByAiSoc) => new(StringComparer.Ordinal)
    {
        [IndicatorIdKey] = indicatorId,
        [CreatedByAiSocKey] = createdByAiSoc,
    };
}
