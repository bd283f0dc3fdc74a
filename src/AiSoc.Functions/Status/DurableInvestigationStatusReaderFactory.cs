using AiSoc.Investigations.Ports;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Status;

/// <summary>
/// Wraps the invocation's bound <see cref="DurableTaskClient"/> in a <see cref="DurableInvestigationStatusReader"/>,
/// and falls back to the in-memory reader where no client is bound.
/// </summary>
public sealed class DurableInvestigationStatusReaderFactory(
    ICaseRecordStore cases,
    InMemoryInvestigationStatusReader fallback,
    IOptions<InvestigationStatusOptions> options) : IInvestigationStatusReaderFactory
{
    public bool ReadsOrchestrations => true;

    public IInvestigationStatusReader Create(DurableTaskClient? client) =>
        client is null ? fallback : new DurableInvestigationStatusReader(client, cases, options.Value.MaxInstancesCounted);
}
