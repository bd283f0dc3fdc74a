using Microsoft.DurableTask.Client;

namespace AiSoc.Functions.Incidents;

/// <summary>
/// Creates the <see cref="IInvestigationStarter"/> for one invocation. The isolated worker hands out a
/// <see cref="DurableTaskClient"/> only as a <c>[DurableClient]</c> binding parameter, never through dependency
/// injection, so the function passes its bound client here.
/// </summary>
public interface IInvestigationStarterFactory
{
    /// <summary>Returns the starter for this invocation; <paramref name="client"/> is null where no client is bound.</summary>
    IInvestigationStarter Create(DurableTaskClient? client);
}
