using System.Text.Json;
using AiSoc.Functions.Approvals;
using AiSoc.Functions.Graph;
using AiSoc.Functions.Hosting;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Investigations;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Operations;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tests.Support;
using AiSoc.Functions.Tuning;
using AiSoc.Core.Response.Ports;
using AiSoc.Integrations.Recording;
using AiSoc.Integrations.Teams;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using AiSoc.Narratives;
using AiSoc.Narratives.Investigations;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Tests;

public sealed class FunctionServicesTests
{
    [Fact]
    public void AddAiSocFunctions_SampleSettings_ResolveServices()
    {
        using var provider = Build(SampleSettings());

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotNull(provider.GetRequiredService<AlertStreamIngestor>());
        Assert.NotNull(provider.GetRequiredService<GraphSecurityPoller>());
        Assert.NotNull(provider.GetRequiredService<EntraCallerAuthenticator>());
        Assert.NotNull(provider.GetRequiredService<ScheduledTuningRun>());
        Assert.NotNull(provider.GetRequiredService<ApprovalPageFactory>());
        Assert.NotNull(provider.GetRequiredService<PipelineHealthCollector>());
        Assert.NotNull(provider.GetRequiredService<IInvestigationStatusReaderFactory>());
    }

    [Fact]
    public void AddAiSocFunctions_SampleSettings_ResolveEveryInvestigationTask()
    {
        using var provider = Build(SampleSettings());
        var tasks = typeof(InvestigationOrchestrator).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsClass: true })
            .Where(type => typeof(ITaskActivity).IsAssignableFrom(type) || typeof(ITaskOrchestrator).IsAssignableFrom(type))
            .ToList();

        var created = tasks.Select(type => ActivatorUtilities.CreateInstance(provider, type)).ToList();

        // Fourteen activities and the orchestrator, each built from the app's registrations as the worker builds them.
        Assert.Equal(15, created.Count);
    }

    [Fact]
    public void AddAiSocFunctions_SampleSettings_AddsNarrativesToCases()
    {
        using var provider = Build(SampleSettings());

        Assert.IsType<NarrativeCaseRecordSink>(provider.GetRequiredService<ICaseRecordSink>());
        Assert.IsType<ChatNarrativeWriter>(provider.GetRequiredService<INarrativeWriter>());
    }

    [Fact]
    public void AddAiSocFunctions_AzureOpenAIWithoutEndpoint_FailsNamingSection()
    {
        var settings = SampleSettings();
        settings["Narratives:Provider"] = "AzureOpenAI";

        var error = Assert.Throws<InvalidOperationException>(() => Build(settings));

        Assert.Contains("Narratives", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAiSocFunctions_NoIdentities_UsesEvidenceAndDryRun()
    {
        using var provider = Build(SampleSettings());

        Assert.IsType<EvidenceEnricher>(provider.GetRequiredService<IEntityEnricher>());
        Assert.IsType<DryRunActionExecutor>(provider.GetRequiredService<IResponseActionExecutor>());
    }

    [Fact]
    public void AddAiSocFunctions_NoIdentitiesAndDryRunOff_FailsAtStartup()
    {
        var settings = SampleSettings();
        settings["Investigations:DryRun"] = "false";
        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Integrations:Identities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAiSocFunctions_BothIdentities_UsesTenantPorts()
    {
        var settings = SampleSettings();
        settings["Integrations:Identities:EnrichmentClientId"] = "11111111-1111-1111-1111-111111111111";
        settings["Integrations:Identities:ContainmentClientId"] = "22222222-2222-2222-2222-222222222222";
        using var provider = Build(settings);

        Assert.IsType<AttributedAuditedExecutor>(provider.GetRequiredService<IResponseActionExecutor>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-aisoc;SecretName=teams-workflow-url)")]
    public void AddAiSocFunctions_NoTeamsUrl_LogsNotices(string webhookUrl)
    {
        var settings = SampleSettings();
        settings["Notifications:Teams:WebhookUrl"] = webhookUrl;
        using var provider = Build(settings);

        Assert.IsType<NarrativeApprovalNotifier>(provider.GetRequiredService<INotifier>());
        Assert.NotNull(provider.GetService<LoggingNotifier>());
        Assert.Null(provider.GetService<TeamsWorkflowNotifier>());
    }

    [Fact]
    public void AddAiSocFunctions_TeamsUrl_PostsToTeams()
    {
        var settings = SampleSettings();
        settings["Notifications:Teams:WebhookUrl"] = "https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke";
        using var provider = Build(settings);

        Assert.IsType<NarrativeApprovalNotifier>(provider.GetRequiredService<INotifier>());
        Assert.NotNull(provider.GetService<TeamsWorkflowNotifier>());
    }

    [Fact]
    public void AddAiSocFunctions_MissingTenant_FailsAtStartup()
    {
        var settings = SampleSettings();
        settings["IncidentWebhook:Authentication:TenantId"] = "";
        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAiSocFunctions_HubNameSet_RegistersDurableStarter()
    {
        var settings = SampleSettings();
        settings[DurableTaskSettings.HubName] = "aisoc";
        using var provider = Build(settings);

        var starters = provider.GetRequiredService<IInvestigationStarterFactory>();

        Assert.IsType<DurableInvestigationStarterFactory>(starters);
    }

    [Fact]
    public void AddAiSocFunctions_NoHubName_RegistersInMemoryStarter()
    {
        var settings = SampleSettings();
        settings.Remove(DurableTaskSettings.HubName);
        using var provider = Build(settings);

        var starters = provider.GetRequiredService<IInvestigationStarterFactory>();

        Assert.IsType<InMemoryInvestigationStarterFactory>(starters);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAiSocFunctions(configuration).BuildServiceProvider();
    }

    // The Values of local.settings.sample.json, so the sample stays a working configuration.
    private static Dictionary<string, string?> SampleSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(value => value.Name, value => (string?)value.Value.GetString());
    }
}
