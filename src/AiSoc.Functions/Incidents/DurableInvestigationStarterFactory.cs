using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Incidents;

/// <summary>Wraps the invocation's bound <see cref="DurableTaskClient"/> in a <see cref="DurableInvestigationStarter"/>.</summary>
public sealed class DurableInvestigationStarterFactory(ILogger<DurableInvestigationStarter> logger) : IInvestigationStarterFactory
{
    /// <exception cref="InvalidOperationException">No client is bound, so the function lacks its <c>[DurableClient]</c> parameter.</exception>
    public IInvestigationStarter Create(DurableTaskClient? client) =>
        client is null
            ? throw new InvalidOperationException("No DurableTaskClient is bound; add a [DurableClient] DurableTaskClient parameter to the function that starts investigations.")
            : new DurableInvestigationStarter(client, logger);
}
