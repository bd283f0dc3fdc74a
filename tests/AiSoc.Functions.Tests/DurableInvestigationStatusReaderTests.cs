using AiSoc.Functions.Incidents;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tests.Support;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Tests;

public sealed class DurableInvestigationStatusReaderTests : IAsyncDisposable
{
    private const string ProviderId = "5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4";
    private static readonly string InvestigationId = InvestigationIds.For("incident", ProviderId);
    private static readonly DateTimeOffset CreatedAt = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly RecordingDurableTaskClient _client = new();
    private readonly InMemoryCaseRecordSink _cases = new();

    [Fact]
    public async Task Get_RunningInstance_ReturnsStageAndTimes()
    {
        _client.SetInstance(Instance(InvestigationId, OrchestrationRuntimeStatus.Running, """{"stage":"awaiting-approval","approvalId":"a1"}"""));

        var status = await Reader().GetAsync(InvestigationId, CancellationToken.None);

        Assert.NotNull(status);
        Assert.Equal("awaiting-approval", status.Stage);
        Assert.Equal("incident", status.Kind);
        Assert.Equal(ProviderId, status.ProviderId);
        Assert.Equal(CreatedAt, status.CreatedAt);
        Assert.Equal(CreatedAt.AddMinutes(5), status.UpdatedAt);
        Assert.Null(status.Verdict);
        Assert.False(status.HasReport);
    }

    [Fact]
    public async Task Get_CaseRecordWritten_ReturnsVerdictAndReport()
    {
        _client.SetInstance(Instance(InvestigationId, OrchestrationRuntimeStatus.Completed, """{"stage":"completed"}"""));
        await _cases.WriteAsync(StoredCases.Record(ProviderId, CreatedAt.AddMinutes(5)) with { InvestigationId = InvestigationId }, "# Case report\n");
        var reader = Reader();

        var status = await reader.GetAsync(InvestigationId, CancellationToken.None);
        var report = await reader.GetReportAsync(InvestigationId, CancellationToken.None);

        Assert.Equal("completed", status!.Stage);
        Assert.Equal("malicious", status.Verdict);
        Assert.Equal("Impossible travel", status.Title);
        Assert.True(status.HasReport);
        Assert.Equal("# Case report\n", report);
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        var status = await Reader().GetAsync(InvestigationId, CancellationToken.None);

        Assert.Null(status);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Failed, DurableInvestigationStatusReader.FailedStage)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, DurableInvestigationStatusReader.TerminatedStage)]
    [InlineData(OrchestrationRuntimeStatus.Pending, DurableInvestigationStatusReader.ReceivedStage)]
    public async Task Get_RuntimeStatus_MapsToStage(OrchestrationRuntimeStatus runtimeStatus, string expected)
    {
        var customStatus = runtimeStatus == OrchestrationRuntimeStatus.Pending ? null : """{"stage":"enriching"}""";
        _client.SetInstance(Instance(InvestigationId, runtimeStatus, customStatus));

        var status = await Reader().GetAsync(InvestigationId, CancellationToken.None);

        Assert.Equal(expected, status!.Stage);
    }

    [Fact]
    public async Task CountByStage_UnderWayInstances_GroupsByStage()
    {
        _client.SetInstance(Instance("inv-00000000000000000001", OrchestrationRuntimeStatus.Running, """{"stage":"awaiting-approval"}"""));
        _client.SetInstance(Instance("inv-00000000000000000002", OrchestrationRuntimeStatus.Running, """{"stage":"awaiting-approval"}"""));
        _client.SetInstance(Instance("inv-00000000000000000003", OrchestrationRuntimeStatus.Pending, null));
        _client.SetInstance(Instance("inv-00000000000000000004", OrchestrationRuntimeStatus.Completed, """{"stage":"completed"}"""));

        var counts = await Reader().CountByStageAsync(CancellationToken.None);

        Assert.Equal(2, counts["awaiting-approval"]);
        Assert.Equal(1, counts[DurableInvestigationStatusReader.ReceivedStage]);
        Assert.False(counts.ContainsKey("completed"));
        var query = Assert.Single(_client.InstanceQueries);
        Assert.Equal([OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending], query!.Statuses);
        Assert.False(query.FetchInputsAndOutputs);
    }

    [Fact]
    public async Task CountByStage_MoreThanMaximum_StopsAtMaximum()
    {
        for (var index = 0; index < 250; index++)
        {
            _client.SetInstance(Instance($"inv-{index:D20}", OrchestrationRuntimeStatus.Running, """{"stage":"enriching"}"""));
        }

        var counts = await Reader(maxInstancesCounted: 150).CountByStageAsync(CancellationToken.None);

        Assert.Equal(150, counts["enriching"]);
        Assert.Equal(2, _client.PagesRead);
    }

    [Fact]
    public void Factory_NoClientBound_ReturnsInMemoryReader()
    {
        var fallback = new InMemoryInvestigationStatusReader(new InMemoryInvestigationStarter(NullLogger<InMemoryInvestigationStarter>.Instance));
        var factory = new DurableInvestigationStatusReaderFactory(_cases, fallback, Options.Create(new InvestigationStatusOptions()));

        Assert.Same(fallback, factory.Create(null));
        Assert.IsType<DurableInvestigationStatusReader>(factory.Create(_client));
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private DurableInvestigationStatusReader Reader(int maxInstancesCounted = 1000) => new(_client, _cases, maxInstancesCounted);

    private static OrchestrationMetadata Instance(string instanceId, OrchestrationRuntimeStatus status, string? customStatus) => new("InvestigationOrchestrator", instanceId)
    {
        RuntimeStatus = status,
        CreatedAt = CreatedAt,
        LastUpdatedAt = CreatedAt.AddMinutes(5),
        SerializedInput = $$"""{"InvestigationId":"{{instanceId}}","IncidentId":"{{ProviderId}}","TriageKey":"sentinel-webhook"}""",
        SerializedCustomStatus = customStatus,
    };
}
