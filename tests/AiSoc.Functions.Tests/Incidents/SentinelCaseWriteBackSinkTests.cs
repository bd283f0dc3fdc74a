using AiSoc.Core.Schema;
using AiSoc.FakeTenant;
using AiSoc.Functions.Incidents;
using AiSoc.Integrations;
using AiSoc.Integrations.WriteBack;
using AiSoc.Investigations;
using AiSoc.Investigations.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Tests.Incidents;

/// <summary>The case comment and verdict label on the Sentinel incident, written through the real ARM write-back client to a fake ARM server.</summary>
public sealed class SentinelCaseWriteBackSinkTests : IAsyncLifetime
{
    private const string Workspace = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/law-soc";
    private const string IncidentName = "7d3f1c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b";

    private FakeArmServer _arm = null!;
    private readonly InMemoryCaseRecordSink _cases = new();
    private ServiceProvider _services = null!;
    private SentinelCaseWriteBackSink _sink = null!;

    public Task InitializeAsync() => StartAsync(allowLabels: false);

    private async Task StartAsync(bool allowLabels)
    {
        _arm = await StartArmAsync();
        _arm.AddIncident(Workspace, IncidentName);

        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<SentinelOptions>(options =>
        {
            options.ArmBaseAddress = _arm.BaseAddress;
            options.WorkspaceResourceId = Workspace;
            options.MaxRetries = 0;
            options.AllowLabelUpdate = allowLabels;
        });
        var credential = new StaticArmCredential();
        services.AddTenantIntegrations(new TenantCredentials(credential, credential));
        _services = services.BuildServiceProvider();
        _sink = new SentinelCaseWriteBackSink(
            _cases,
            _services.GetRequiredService<SentinelIncidentWriter>(),
            _services.GetRequiredService<IOptions<SentinelOptions>>(),
            NullLogger<SentinelCaseWriteBackSink>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _arm.DisposeAsync();
    }

    [Fact]
    public async Task Write_WebhookIncidentCase_CommentsVerdictOnIncident()
    {
        await _sink.WriteAsync(Case(IncidentName, InvestigationIds.For(IncidentEnvelope.IncidentKind, IncidentName)), "# report");

        var comment = Assert.Single(_arm.Incident(IncidentName).Comments.Values);
        Assert.Contains("verdict malicious", comment, StringComparison.Ordinal);
        Assert.NotNull(_cases.RecordOf(InvestigationIds.For(IncidentEnvelope.IncidentKind, IncidentName)));
    }

    [Fact]
    public async Task Write_LabelsAllowed_AddsVerdictLabel()
    {
        await DisposeAsync();
        await StartAsync(allowLabels: true);

        await _sink.WriteAsync(Case(IncidentName, InvestigationIds.For(IncidentEnvelope.IncidentKind, IncidentName)), "# report");

        Assert.Contains("aisoc-malicious", _arm.Incident(IncidentName).Labels);
    }

    [Fact]
    public async Task Write_LabelsNotAllowed_AddsNoLabel()
    {
        await _sink.WriteAsync(Case(IncidentName, InvestigationIds.For(IncidentEnvelope.IncidentKind, IncidentName)), "# report");

        Assert.Empty(_arm.Incident(IncidentName).Labels);
    }

    [Fact]
    public async Task Write_SameCaseTwice_KeepsOneComment()
    {
        var record = Case(IncidentName, InvestigationIds.For(IncidentEnvelope.IncidentKind, IncidentName));
        await _sink.WriteAsync(record, "# report");

        await _sink.WriteAsync(record, "# report");

        Assert.Single(_arm.Incident(IncidentName).Comments);
    }

    [Fact]
    public async Task Write_AlertTriggerCase_StoresWithoutComment()
    {
        var investigationId = InvestigationIds.For(IncidentEnvelope.AlertKind, IncidentName);

        await _sink.WriteAsync(Case(IncidentName, investigationId), "# report");

        Assert.Empty(_arm.Incident(IncidentName).Comments);
        Assert.NotNull(_cases.RecordOf(investigationId));
    }

    [Fact]
    public async Task Write_IncidentUnknownToSentinel_StoresCaseAnyway()
    {
        var investigationId = InvestigationIds.For(IncidentEnvelope.IncidentKind, "deleted-incident");

        await _sink.WriteAsync(Case("deleted-incident", investigationId), "# report");

        Assert.NotNull(_cases.RecordOf(investigationId));
    }

    [Fact]
    public void Render_Case_LeavesOutIncidentTitle()
    {
        var record = Case(IncidentName, "inv-00000000000000000000") with { Title = "<img src=x onerror=alert(1)>" };

        var comment = SentinelCaseComment.Render(record);

        Assert.DoesNotContain("<img", comment, StringComparison.Ordinal);
    }

    private static async Task<FakeArmServer> StartArmAsync()
    {
        var arm = new FakeArmServer();
        await arm.StartAsync();
        return arm;
    }

    private static CaseRecord Case(string incidentId, string investigationId) => new()
    {
        InvestigationId = investigationId,
        IncidentId = incidentId,
        TriageKey = DurableInvestigationStarter.WebhookTriageKey,
        Title = "Suspicious sign-in",
        Verdict = Verdict.Malicious,
        Confidence = 0.91,
        Evidence = [],
        PlaybookId = "compromised-account",
        PlannedActions = [],
        Actions = [],
        Decisions = [],
        StartedAt = new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero),
        CompletedAt = new DateTimeOffset(2026, 11, 2, 12, 5, 0, TimeSpan.Zero),
    };
}
