using Microsoft.DurableTask.Client;

namespace AiSoc.Functions.Incidents;

/// <summary>Returns the one <see cref="InMemoryInvestigationStarter"/> and ignores the bound client.</summary>
public sealed class InMemoryInvestigationStarterFactory(InMemoryInvestigationStarter starter) : IInvestigationStarterFactory
{
    public IInvestigationStarter Create(DurableTaskClient? client) => starter;
}
