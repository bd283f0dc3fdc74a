using System.Text.Json;
using AiSoc.Functions.Incidents;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask.Client;

namespace AiSoc.Functions.Status;

/// <summary>
/// An <see cref="IInvestigationStatusReader"/> over the task hub and the case records: the stage is the
/// orchestration's custom status, the times are the instance's, and the verdict and report come from the
/// <see cref="ICaseRecordStore"/> once the case record is written.
/// </summary>
public sealed class DurableInvestigationStatusReader(DurableTaskClient client, ICaseRecordStore cases, int maxInstancesCounted) : IInvestigationStatusReader
{
    /// <summary>Stage of an instance whose orchestration has not set a custom status yet.</summary>
    public const string ReceivedStage = InMemoryInvestigationStatusReader.ReceivedStage;

    /// <summary>Stage of an instance that failed. The failure details stay in the task hub.</summary>
    public const string FailedStage = "failed";

    /// <summary>Stage of an instance an operator terminated.</summary>
    public const string TerminatedStage = "terminated";

    private const int PageSize = 100;

    private static readonly JsonSerializerOptions StatusJson = new(JsonSerializerDefaults.Web);

    private static readonly OrchestrationRuntimeStatus[] UnderWay = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending];

    public async Task<InvestigationStatus?> GetAsync(string investigationId, CancellationToken cancellationToken)
    {
        // The input contains the provider id. The output, the case record, comes along in the same read.
        var metadata = await client.GetInstanceAsync(investigationId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return null;
        }

        var stored = await cases.GetAsync(investigationId, cancellationToken).ConfigureAwait(false);
        var providerId = ProviderIdOf(metadata) ?? stored?.Record.IncidentId ?? string.Empty;
        return new InvestigationStatus(
            investigationId,
            KindOf(investigationId, providerId),
            providerId,
            stored?.Record.Title,
            StageOf(metadata),
            metadata.CreatedAt,
            metadata.LastUpdatedAt,
            stored is null ? null : VerdictNames.Name(stored.Record.Verdict),
            stored is not null);
    }

    public async Task<string?> GetReportAsync(string investigationId, CancellationToken cancellationToken)
    {
        var stored = await cases.GetAsync(investigationId, cancellationToken).ConfigureAwait(false);
        return stored?.MarkdownReport;
    }

    /// <summary>
    /// Counts running and pending instances by stage. Each page of <c>100</c> instances is one query to the task
    /// hub, and at most the reader's maximum are read, so the count is a lower bound when more are under way.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStageAsync(CancellationToken cancellationToken)
    {
        // NOTE: the task hub has no count query, so this lists instances. With the Azure Storage backend, each
        // page is a query on the Instances table filtered by runtime status.
        var query = new OrchestrationQuery { Statuses = UnderWay, PageSize = PageSize, FetchInputsAndOutputs = false };
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        await foreach (var metadata in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var stage = StageOf(metadata);
            counts[stage] = counts.GetValueOrDefault(stage) + 1;
            if (++read >= maxInstancesCounted)
            {
                break;
            }
        }

        return counts;
    }

    private static string StageOf(OrchestrationMetadata metadata)
    {
        if (metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed)
        {
            return FailedStage;
        }

        if (metadata.RuntimeStatus == OrchestrationRuntimeStatus.Terminated)
        {
            return TerminatedStage;
        }

        var status = string.IsNullOrWhiteSpace(metadata.SerializedCustomStatus)
            ? null
            : JsonSerializer.Deserialize<AiSoc.Investigations.InvestigationStatus>(metadata.SerializedCustomStatus, StatusJson);
        return string.IsNullOrWhiteSpace(status?.Stage) ? ReceivedStage : status.Stage;
    }

    private static string? ProviderIdOf(OrchestrationMetadata metadata) =>
        string.IsNullOrWhiteSpace(metadata.SerializedInput)
            ? null
            : JsonSerializer.Deserialize<InvestigationInput>(metadata.SerializedInput, StatusJson)?.IncidentId;

    // The webhook derives the investigation id from the kind and the provider id, so deriving it again finds the kind.
    private static string KindOf(string investigationId, string providerId)
    {
        foreach (var kind in (string[])["incident", "alert"])
        {
            if (providerId.Length > 0 && InvestigationIds.For(kind, providerId) == investigationId)
            {
                return kind;
            }
        }

        return "unknown";
    }
}
