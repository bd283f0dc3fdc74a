using AiSoc.Core.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Approvals;

/// <summary>
/// Decides approval requests for every channel (page, bot, API). Checks run in this order: token, app role, MFA,
/// known id, not expired, still pending, plan hash, and approver not a target. Then one compare-and-swap moves the
/// request out of pending. Every attempt, rejected or not, is written to the audit log.
/// </summary>
public sealed class ApprovalHandler
{
    private readonly IApprovalStore _store;
    private readonly ApproverTokenValidator _tokens;
    private readonly ApproverAuthenticationOptions _options;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ApprovalHandler(IApprovalStore store, ApproverTokenValidator tokens, ApproverAuthenticationOptions options, IAuditLog audit, TimeProvider timeProvider, ILogger<ApprovalHandler>? logger = null)
    {
        _store = store;
        _tokens = tokens;
        _options = options;
        _audit = audit;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<ApprovalHandler>.Instance;
    }

    public async Task<ApprovalResult> DecideAsync(ApprovalDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);

        var (approver, result) = await CheckApproverAsync(decision).ConfigureAwait(false);
        result ??= await ApplyAsync(decision, approver!, cancellationToken).ConfigureAwait(false);

        ApprovalHandlerLog.Decision(_logger, decision.ApprovalId, result.Outcome, result.Reason);
        await AuditAsync(decision, approver, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<(ApproverIdentity?, ApprovalResult?)> CheckApproverAsync(ApprovalDecision decision)
    {
        var (approver, failure) = await _tokens.ValidateAsync(decision.BearerToken).ConfigureAwait(false);
        if (approver is null)
        {
            return (null, new ApprovalResult(ApprovalOutcome.Unauthenticated, failure!, null));
        }

        // App roles are assigned to the approval app itself. Group claims are never used, because they can be cut
        // short by the group overage limit and mean different things to different apps.
        if (!approver.Roles.Contains(_options.ApproverRole, StringComparer.Ordinal))
        {
            return (approver, new ApprovalResult(ApprovalOutcome.Forbidden, $"the approver does not hold the app role {_options.ApproverRole}", null));
        }

        if (!approver.AuthenticationMethods.Contains(_options.RequiredAuthenticationMethod, StringComparer.OrdinalIgnoreCase))
        {
            return (approver, new ApprovalResult(ApprovalOutcome.MfaRequired, $"the token's amr claim does not contain {_options.RequiredAuthenticationMethod}; sign in again with multi-factor authentication", null));
        }

        return (approver, null);
    }

    private async Task<ApprovalResult> ApplyAsync(ApprovalDecision decision, ApproverIdentity approver, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(decision.ApprovalId))
        {
            return new ApprovalResult(ApprovalOutcome.InvalidRequest, "the approval id is missing", null);
        }

        var stored = await TryGetAsync(decision.ApprovalId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new ApprovalResult(ApprovalOutcome.NotFound, $"approval id {decision.ApprovalId} is unknown", null);
        }

        var request = stored.Request;
        var now = _timeProvider.GetUtcNow();
        if (request.Status == ApprovalStatus.Expired || (request.Status == ApprovalStatus.Pending && now > request.ExpiresAt))
        {
            await ExpireAsync(stored, cancellationToken).ConfigureAwait(false);
            return new ApprovalResult(ApprovalOutcome.Late, $"the request expired at {request.ExpiresAt:u}; the decision is recorded as late and has no effect", request with { Status = ApprovalStatus.Expired });
        }

        if (request.Status != ApprovalStatus.Pending)
        {
            return new ApprovalResult(ApprovalOutcome.Duplicate, $"the request was already {Name(request.Status)} by {request.DecidedBy}; nothing changed", request);
        }

        if (!string.Equals(decision.PlanHash, request.PlanHash, StringComparison.OrdinalIgnoreCase))
        {
            return new ApprovalResult(ApprovalOutcome.StalePlan, "the plan hash does not match the request; the plan changed since it was shown, so reload the page", request);
        }

        if (IsTarget(approver, request))
        {
            return new ApprovalResult(ApprovalOutcome.SelfApproval, "the approver is a target of this plan and cannot decide on it", request);
        }

        var decided = request with
        {
            Status = decision.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected,
            DecidedBy = approver.DisplayId,
            DecidedAt = now,
            DecisionComment = decision.Comment,
        };
        if (!await _store.TryReplaceAsync(decided, stored.ETag, cancellationToken).ConfigureAwait(false))
        {
            var current = await _store.GetAsync(decision.ApprovalId, cancellationToken).ConfigureAwait(false);
            return new ApprovalResult(ApprovalOutcome.Duplicate, "another decision was recorded first; nothing changed", current?.Request);
        }

        return decision.Approve
            ? new ApprovalResult(ApprovalOutcome.Approved, $"approved by {approver.DisplayId}", decided)
            : new ApprovalResult(ApprovalOutcome.Rejected, $"rejected by {approver.DisplayId}", decided);
    }

    private async Task<StoredApproval?> TryGetAsync(string approvalId, CancellationToken cancellationToken)
    {
        try
        {
            return await _store.GetAsync(approvalId, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            // A file store rejects ids with unsafe characters; to the caller that id is simply unknown.
            return null;
        }
    }

    private async Task ExpireAsync(StoredApproval stored, CancellationToken cancellationToken)
    {
        if (stored.Request.Status == ApprovalStatus.Pending)
        {
            // Losing this race is fine: another caller has already moved the request out of pending.
            await _store.TryReplaceAsync(stored.Request with { Status = ApprovalStatus.Expired }, stored.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsTarget(ApproverIdentity approver, ApprovalRequest request)
    {
        var ids = new[] { approver.ObjectId, approver.Upn }
            .OfType<string>()
            .Select(id => id.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        return request.Actions.Any(action => action.TargetIdentities.Any(ids.Contains));
    }

    private async Task AuditAsync(ApprovalDecision decision, ApproverIdentity? approver, ApprovalResult result, CancellationToken cancellationToken)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["approvalId"] = decision.ApprovalId,
            ["planHash"] = decision.PlanHash,
            ["decision"] = decision.Approve ? "approve" : "reject",
            ["reason"] = result.Reason,
        };
        await _audit.AppendAsync(new AuditEntry
        {
            InvestigationId = result.Request?.InvestigationId ?? "unknown",
            Kind = "decision",
            Name = "approval-decision",
            Actor = approver?.DisplayId ?? "unauthenticated",
            Inputs = inputs,
            Outcome = ApprovalOutcomeNames.Name(result.Outcome),
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string Name(ApprovalStatus status) => status.ToString().ToLowerInvariant();
}
