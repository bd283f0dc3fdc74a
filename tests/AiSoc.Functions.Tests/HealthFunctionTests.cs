using System.Text.Json;
using AiSoc.Approvals;
using AiSoc.Core.Response;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Operations;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tests.Support;
using AiSoc.Investigations.Services;
using AiSoc.Storage;
using AiSoc.Storage.Tests;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiSoc.Functions.Tests;

/// <summary>Runs the health route and the pipeline gauges against Azurite tables filled by the real stores.</summary>
public sealed class HealthFunctionTests : IAsyncLifetime
{
    private const string HubName = "aisoc-alerts";

    private readonly AzuriteTables _tables = new();
    private readonly FakeTimeProvider _time = new(TestTokens.Now);
    private readonly InMemoryInvestigationStarter _starter = new(NullLogger<InMemoryInvestigationStarter>.Instance);
    private TableWatermarkStore _watermarks = null!;
    private TableDeadLetterStore _deadLetters = null!;
    private TableApprovalStore _approvals = null!;
    private PipelineHealthCollector _collector = null!;
    private TableClient _watermarkTable = null!;
    private TableClient _approvalTable = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        _watermarkTable = await _tables.CreateTableAsync("watermarks");
        var approvalTable = await _tables.CreateTableAsync("approvals");
        _approvalTable = approvalTable;
        _watermarks = new TableWatermarkStore(_watermarkTable);
        _deadLetters = new TableDeadLetterStore(await _tables.CreateTableAsync("deadletters"));
        _approvals = new TableApprovalStore(approvalTable);
        _collector = new PipelineHealthCollector(
            _watermarks,
            _deadLetters,
            new PendingApprovalQuery(approvalTable),
            new InMemoryInvestigationStatusReaderFactory(new InMemoryInvestigationStatusReader(_starter)),
            Options.Create(new AlertStreamOptions { EventHubName = HubName }),
            _time);
    }

    public Task DisposeAsync() => _tables.DisposeAsync();

    [Fact]
    public async Task Health_StorageReachable_Returns200WithPipeline()
    {
        await ArrangePipelineAsync();
        var function = new HealthFunction(new StorageProbe(_watermarkTable), _collector, NullLogger<HealthFunction>.Instance);

        var result = await function.RunAsync(new DefaultHttpContext().Request, null, CancellationToken.None);

        var report = AssertReport(result, StatusCodes.Status200OK);
        Assert.Equal("healthy", report.Status);
        Assert.True(report.Storage.Reachable);
        Assert.Equal(AiSocTelemetry.Version, report.Version);
        Assert.Equal(600, report.Pipeline!.IngestionLagSeconds["graph-alerts_v2"]);
        Assert.Null(report.Pipeline.IngestionLagSeconds["graph-incidents"]);
        Assert.Equal(2, report.Pipeline.DeadLetters[HubName]);
        Assert.Equal(1, report.Pipeline.ApprovalsWaiting);
        Assert.Equal(1800, report.Pipeline.OldestApprovalAgeSeconds);
        Assert.Equal(1, report.Pipeline.InvestigationsByStage[InMemoryInvestigationStatusReader.ReceivedStage]);
    }

    [Fact]
    public async Task Health_StorageUnreachable_Returns503WithoutEndpoint()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        // Port 9 on the loopback address has no listener, so the connection is refused at once.
        var closed = new TableClient("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;", "watermarks", options);
        var function = new HealthFunction(new StorageProbe(closed), _collector, NullLogger<HealthFunction>.Instance);

        var result = await function.RunAsync(new DefaultHttpContext().Request, null, CancellationToken.None);

        var report = AssertReport(result, StatusCodes.Status503ServiceUnavailable);
        Assert.False(report.Storage.Reachable);
        Assert.NotNull(report.Storage.ErrorType);
        Assert.DoesNotContain("127.0.0.1", JsonSerializer.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_DurableClientBound_CountsStagesFromTaskHub()
    {
        await using var client = AwaitingApprovalClient();
        var collector = DurableCollector();
        var function = new HealthFunction(new StorageProbe(_watermarkTable), collector, NullLogger<HealthFunction>.Instance);

        var result = await function.RunAsync(new DefaultHttpContext().Request, client, CancellationToken.None);

        var report = AssertReport(result, StatusCodes.Status200OK);
        Assert.Equal(1, report.Pipeline!.InvestigationsByStage["awaiting-approval"]);
        Assert.Single(client.InstanceQueries);
    }

    [Fact]
    public async Task Collect_NoClientAfterDurableCount_KeepsPreviousStages()
    {
        await using var client = AwaitingApprovalClient();
        var collector = DurableCollector();
        await collector.CollectAsync(client, CancellationToken.None);

        var refreshed = await collector.CollectAsync(CancellationToken.None);

        Assert.Equal(1, refreshed.InvestigationsByStage["awaiting-approval"]);
        Assert.Single(client.InstanceQueries);
    }

    [Fact]
    public async Task Metrics_AfterCollection_ReportPipelineGauges()
    {
        await ArrangePipelineAsync();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _ = new PipelineMetrics(meterFactory, _collector);
        using var waiting = new MetricCollector<int>(meterFactory, AiSocTelemetry.MeterName, PipelineMetrics.ApprovalsWaiting);
        using var lag = new MetricCollector<double>(meterFactory, AiSocTelemetry.MeterName, PipelineMetrics.IngestionLag);
        using var deadLetters = new MetricCollector<int>(meterFactory, AiSocTelemetry.MeterName, PipelineMetrics.DeadLetters);
        await _collector.CollectAsync(CancellationToken.None);

        waiting.RecordObservableInstruments();
        lag.RecordObservableInstruments();
        deadLetters.RecordObservableInstruments();

        Assert.Equal(1, waiting.LastMeasurement!.Value);
        var alertsLag = Assert.Single(lag.GetMeasurementSnapshot());
        Assert.Equal(600, alertsLag.Value);
        Assert.Equal("graph-alerts_v2", alertsLag.Tags["source"]);
        Assert.Contains(deadLetters.GetMeasurementSnapshot(), measurement => measurement.Value == 2 && (string?)measurement.Tags["source"] == HubName);
    }

    [Fact]
    public void Metrics_BeforeCollection_ReportNothing()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _ = new PipelineMetrics(meterFactory, _collector);
        using var waiting = new MetricCollector<int>(meterFactory, AiSocTelemetry.MeterName, PipelineMetrics.ApprovalsWaiting);

        waiting.RecordObservableInstruments();

        Assert.Empty(waiting.GetMeasurementSnapshot());
    }

    private static RecordingDurableTaskClient AwaitingApprovalClient()
    {
        var client = new RecordingDurableTaskClient();
        client.SetInstance(new Microsoft.DurableTask.Client.OrchestrationMetadata("InvestigationOrchestrator", "inv-00000000000000000001")
        {
            RuntimeStatus = Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running,
            SerializedCustomStatus = """{"stage":"awaiting-approval","approvalId":"a1"}""",
        });
        return client;
    }

    private PipelineHealthCollector DurableCollector() => new(
        _watermarks,
        _deadLetters,
        new PendingApprovalQuery(_approvalTable),
        new DurableInvestigationStatusReaderFactory(new InMemoryCaseRecordSink(), new InMemoryInvestigationStatusReader(_starter), Options.Create(new InvestigationStatusOptions())),
        Options.Create(new AlertStreamOptions { EventHubName = HubName }),
        _time);

    private async Task ArrangePipelineAsync()
    {
        await _watermarks.SetAsync("graph-alerts_v2", TestTokens.Now.AddMinutes(-10));
        await _deadLetters.WriteAsync(new DeadLetter(HubName, "0", "100", 7, 0, "no normalizer matches", "{}", TestTokens.Now));
        await _deadLetters.WriteAsync(new DeadLetter(HubName, "0", "101", 8, 0, "no normalizer matches", "{}", TestTokens.Now));
        await _approvals.CreateAsync(Approval("apr-waiting", TestTokens.Now.AddMinutes(-30), TestTokens.Now.AddHours(1)));
        await _approvals.CreateAsync(Approval("apr-overdue", TestTokens.Now.AddHours(-5), TestTokens.Now.AddHours(-1)));
        await _starter.StartAsync(new InvestigationRequest("inv-00000000000000000001", "incident", "x", null, "{}", new CallerIdentity("app", null), TestTokens.Now), CancellationToken.None);
    }

    private static ApprovalRequest Approval(string id, DateTimeOffset created, DateTimeOffset expires) => new()
    {
        ApprovalId = id,
        InvestigationId = "inv-00000000000000000001",
        PlanHash = "abc",
        Actions = [new ApprovalAction("k", ResponseActionType.DisableUser, "account", "oid:1", "Alice", ImpactLevel.High, [])],
        CreatedAt = created,
        ExpiresAt = expires,
        EscalateTo = "soc-lead",
    };

    private static HealthReport AssertReport(IActionResult result, int statusCode)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(statusCode, objectResult.StatusCode);
        return Assert.IsType<HealthReport>(objectResult.Value);
    }
}
