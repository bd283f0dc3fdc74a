using AiSoc.Functions.Incidents;
using AiSoc.Functions.Tests.Support;
using AiSoc.Investigations;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Functions.Tests;

public sealed class DurableInvestigationStarterTests : IAsyncDisposable
{
    private static readonly string InvestigationId = InvestigationIds.For("incident", "5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4");

    private readonly RecordingDurableTaskClient _client = new();
    private readonly DurableInvestigationStarter _starter;

    public DurableInvestigationStarterTests()
    {
        _starter = new DurableInvestigationStarter(_client, NullLogger<DurableInvestigationStarter>.Instance);
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Fact]
    public async Task Start_NewIncident_SchedulesOneInstanceWithInvestigationId()
    {
        var started = await _starter.StartAsync(Request(), CancellationToken.None);

        Assert.True(started);
        var scheduled = Assert.Single(_client.Scheduled);
        Assert.Equal(nameof(InvestigationOrchestrator), scheduled.Name.Name);
        Assert.Equal(InvestigationId, scheduled.Options?.InstanceId);
        var input = Assert.IsType<InvestigationInput>(scheduled.Input);
        Assert.Equal(InvestigationId, input.InvestigationId);
        Assert.Equal("5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4", input.IncidentId);
    }

    [Fact]
    public async Task Start_NewIncident_DeduplicatesOnEveryStatus()
    {
        await _starter.StartAsync(Request(), CancellationToken.None);

        var options = Assert.Single(_client.Scheduled).Options;
        Assert.NotNull(options?.DedupeStatuses);
        Assert.Contains(OrchestrationRuntimeStatus.Running.ToString(), options.DedupeStatuses);
        Assert.Contains(OrchestrationRuntimeStatus.Completed.ToString(), options.DedupeStatuses);
        Assert.Contains(OrchestrationRuntimeStatus.Failed.ToString(), options.DedupeStatuses);
        Assert.Contains(OrchestrationRuntimeStatus.Terminated.ToString(), options.DedupeStatuses);
    }

    [Fact]
    public async Task Start_ResentWhileRunning_RaisesIncidentUpdatedAndStartsNothing()
    {
        _client.SetState(InvestigationId, OrchestrationRuntimeStatus.Running);

        var started = await _starter.StartAsync(Request(), CancellationToken.None);

        Assert.False(started);
        Assert.Empty(_client.Scheduled);
        var raised = Assert.Single(_client.RaisedEvents);
        Assert.Equal(InvestigationId, raised.InstanceId);
        Assert.Equal(InvestigationOrchestrator.IncidentUpdatedEvent, raised.EventName);
        var update = Assert.IsType<IncidentUpdateEvent>(raised.Payload);
        Assert.Equal("5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4", update.ProviderId);
        Assert.Equal(TestTokens.Now, update.ReceivedAt);
    }

    [Fact]
    public async Task Start_SentTwice_SchedulesOnceAndRaisesUpdate()
    {
        await _starter.StartAsync(Request(), CancellationToken.None);

        var second = await _starter.StartAsync(Request(), CancellationToken.None);

        Assert.False(second);
        Assert.Single(_client.Scheduled);
        Assert.Equal(InvestigationOrchestrator.IncidentUpdatedEvent, Assert.Single(_client.RaisedEvents).EventName);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Completed)]
    [InlineData(OrchestrationRuntimeStatus.Failed)]
    [InlineData(OrchestrationRuntimeStatus.Terminated)]
    public async Task Start_FinishedInstance_CountsAsExisting(OrchestrationRuntimeStatus status)
    {
        _client.SetState(InvestigationId, status);

        var started = await _starter.StartAsync(Request(), CancellationToken.None);

        Assert.False(started);
        Assert.Empty(_client.Scheduled);
        Assert.Empty(_client.RaisedEvents);
        Assert.Equal(InvestigationId, Assert.Single(_client.Queried));
    }

    [Fact]
    public async Task GetPhase_NoInstance_ReturnsNotStarted()
    {
        var phase = await _starter.GetPhaseAsync(InvestigationId, CancellationToken.None);

        Assert.Equal(InvestigationPhase.NotStarted, phase);
    }

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Pending, InvestigationPhase.UnderInvestigation)]
    [InlineData(OrchestrationRuntimeStatus.Running, InvestigationPhase.UnderInvestigation)]
    [InlineData(OrchestrationRuntimeStatus.Suspended, InvestigationPhase.UnderInvestigation)]
    [InlineData(OrchestrationRuntimeStatus.Completed, InvestigationPhase.Finished)]
    [InlineData(OrchestrationRuntimeStatus.Failed, InvestigationPhase.Finished)]
    [InlineData(OrchestrationRuntimeStatus.Terminated, InvestigationPhase.Finished)]
    public async Task GetPhase_InstanceStatus_MapsToPhase(OrchestrationRuntimeStatus status, InvestigationPhase expected)
    {
        _client.SetState(InvestigationId, status);

        var phase = await _starter.GetPhaseAsync(InvestigationId, CancellationToken.None);

        Assert.Equal(expected, phase);
    }

    [Fact]
    public void Create_NoBoundClient_ThrowsNamingTheBinding()
    {
        var factory = new DurableInvestigationStarterFactory(NullLogger<DurableInvestigationStarter>.Instance);

        var error = Assert.Throws<InvalidOperationException>(() => factory.Create(null));

        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }

    private static InvestigationRequest Request() => new(
        InvestigationId,
        "incident",
        "5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4",
        "Suspicious sign-in",
        """{"name":"5070e6b9-3c4e-4ef9-bb29-927d6af7b6c4","properties":{}}""",
        new CallerIdentity(TestTokens.LogicAppClientId, "00000000-0000-4000-8000-000000000001"),
        TestTokens.Now);
}
