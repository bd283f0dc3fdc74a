using AiSoc.Core.Tuning;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tests.Support;
using AiSoc.Functions.Tuning;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Tests;

public sealed class StatusAndTuningRegistrationTests
{
    [Fact]
    public void AddInvestigationStatus_HubNameSet_RegistersDurableFactory()
    {
        using var provider = Build(new() { ["DurableTaskHubName"] = "aisoc" });

        var readers = provider.GetRequiredService<IInvestigationStatusReaderFactory>();

        Assert.IsType<DurableInvestigationStatusReaderFactory>(readers);
    }

    [Fact]
    public void AddInvestigationStatus_NoHubName_RegistersInMemoryFactory()
    {
        using var provider = Build([]);

        var readers = provider.GetRequiredService<IInvestigationStatusReaderFactory>();

        Assert.IsType<InMemoryInvestigationStatusReaderFactory>(readers);
    }

    [Fact]
    public void AddScheduledTuning_StoresRegistered_ResolvesRun()
    {
        using var provider = Build([]);

        var run = provider.GetRequiredService<ScheduledTuningRun>();

        Assert.NotNull(run);
    }

    [Fact]
    public void AddScheduledTuning_MissingOutcomesPath_FailsAtStartup()
    {
        using var provider = Build(new() { ["Tuning:OutcomesPath"] = "/nonexistent/aisoc-outcomes" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScheduledTuningOptions>>().Value);

        Assert.Contains("Tuning:OutcomesPath", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<InMemoryInvestigationStarter>();
        services.AddSingleton<ICaseRecordStore, InMemoryCaseRecordSink>();
        services.AddSingleton<IInvestigationStore, InMemoryInvestigationStore>();
        services.AddSingleton<ITuningRunStore, InMemoryTuningRunStore>();
        services.AddInvestigationStatus(configuration);
        services.AddScheduledTuning(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
