namespace AiSoc.Core.Response;

/// <summary>The policy decision for one action, with every reason that led to it.</summary>
/// <param name="Action">The proposed action.</param>
/// <param name="Disposition">Auto-execute, require approval or block.</param>
/// <param name="Reasons">Each rule that applied, in evaluation order; never empty.</param>
/// <param name="ShadowOnly">True in shadow mode: the decision is logged and audited, and nothing runs.</param>
public sealed record ActionDecision(ProposedAction Action, ActionDisposition Disposition, IReadOnlyList<string> Reasons, bool ShadowOnly)
{
    /// <summary>True when an executor may run the action now without approval.</summary>
    public bool MayRunNow => Disposition == ActionDisposition.AutoExecute && !ShadowOnly;
}
