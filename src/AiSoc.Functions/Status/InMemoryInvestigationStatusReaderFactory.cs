using Microsoft.DurableTask.Client;

namespace AiSoc.Functions.Status;

/// <summary>Returns the one <see cref="InMemoryInvestigationStatusReader"/> and ignores the bound client.</summary>
public sealed class InMemoryInvestigationStatusReaderFactory(InMemoryInvestigationStatusReader reader) : IInvestigationStatusReaderFactory
{
    public bool ReadsOrchestrations => false;

    public IInvestigationStatusReader Create(DurableTaskClient? client) => reader;
}
