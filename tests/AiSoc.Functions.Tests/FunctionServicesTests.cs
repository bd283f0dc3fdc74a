using System.Text.Json;
using AiSoc.Functions.Approvals;
using AiSoc.Functions.Graph;
using AiSoc.Functions.Hosting;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Operations;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tests.Support;
using AiSoc.Functions.Tuning;
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
        Assert.NotNull(provider.GetRequiredService<IInvestigationStatusReader>());
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
