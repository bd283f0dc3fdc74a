using Microsoft.DurableTask.Client;

namespace AiSoc.Functions.Status;

/// <summary>
/// Creates the <see cref="IInvestigationStatusReader"/> for one invocation. The isolated worker hands out a
/// <see cref="DurableTaskClient"/> only as a <c>[DurableClient]</c> binding parameter, never through dependency
/// injection, so the function passes its bound client here.
/// </summary>
public interface IInvestigationStatusReaderFactory
{
    /// <summary>
    /// True when the readers this factory creates read orchestration state, so a reader created without a bound
    /// client cannot return current stages.
    /// </summary>
    bool ReadsOrchestrations { get; }

    /// <summary>Returns the reader for this invocation; <paramref name="client"/> is null where no client is bound.</summary>
    IInvestigationStatusReader Create(DurableTaskClient? client);
}
