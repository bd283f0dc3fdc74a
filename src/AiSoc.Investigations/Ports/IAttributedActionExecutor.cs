using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;

namespace AiSoc.Investigations.Ports;

/// <summary>
/// An executor that records who cleared each action, such as an audited tenant executor. When the investigation's
/// <see cref="IResponseActionExecutor"/> also implements this interface, actions run through it with the approver
/// of the approval request, or <see cref="PolicyActor"/> for actions the response policy ran on its own.
/// </summary>
public interface IAttributedActionExecutor
{
    /// <summary>Actor recorded for an action that the response policy cleared without a person.</summary>
    public const string PolicyActor = "aisoc response policy (automatic)";

    /// <summary>Runs <paramref name="action"/> as <see cref="IResponseActionExecutor.ExecuteAsync"/> does, recording <paramref name="approvedBy"/>.</summary>
    Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, string approvedBy, bool dryRun, CancellationToken cancellationToken);
}
