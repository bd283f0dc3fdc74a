using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;

namespace AiSoc.Investigations.Tests.Support;

/// <summary>Runs the first call through the inner executor and then throws, as if the response were lost on the way back.</summary>
internal sealed class LostResponseExecutor(IResponseActionExecutor inner) : IResponseActionExecutor
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken)
    {
        var result = await inner.ExecuteAsync(action, dryRun, cancellationToken);
        if (Interlocked.Increment(ref _calls) == 1)
        {
            throw new TimeoutException("simulated lost response after the action ran");
        }

        return result;
    }

    public Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken) =>
        inner.GetStatusAsync(action, providerActionId, cancellationToken);

    public Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken) =>
        inner.RollbackAsync(action, executed, cancellationToken);
}
