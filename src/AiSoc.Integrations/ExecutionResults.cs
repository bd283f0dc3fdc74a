using AiSoc.Core.Response.Ports;

namespace AiSoc.Integrations;

/// <summary>Shorthands for common executor outcomes.</summary>
internal static class ExecutionResults
{
    public static ActionExecutionResult Failed(string message, IReadOnlyDictionary<string, string>? previousState = null) =>
        new(ActionExecutionStatus.Failed, PreviousState: previousState, Message: message);

    public static ActionExecutionResult DryRun(string message) =>
        new(ActionExecutionStatus.DryRun, Message: "Dry run, nothing changed: would " + message);

    /// <summary>Returns the outcome of a rollback that had nothing to undo.</summary>
    public static ActionExecutionResult NothingToUndo(ActionExecutionResult executed, string reason) =>
        new(ActionExecutionStatus.AlreadyInDesiredState, executed.ProviderActionId, executed.PreviousState, reason);

    /// <summary>Returns true and the value when <paramref name="state"/> contains <paramref name="key"/>.</summary>
    public static bool TryGet(IReadOnlyDictionary<string, string>? state, string key, out string value)
    {
        value = string.Empty;
        if (state is null || !state.TryGetValue(key, out var found))
        {
            return false;
        }

        value = found;
        return true;
    }
}
