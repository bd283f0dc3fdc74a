using AiSoc.Core.Baselines;
using AiSoc.Core.Tuning;
using AiSoc.Investigations.Ports;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Storage.Tests;

public sealed class TableStateStoreRegistrationTests
{
    [Fact]
    public void AddTableStateStores_ResolvesEveryPort()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new TableServiceClient(AzuriteTables.ConnectionString));

        var provider = new DescriptorProvider(services.AddTableStateStores());

        Assert.IsType<TableInvestigationStore>(provider.GetRequiredService<IInvestigationStore>());
        Assert.IsType<TableTuningRunStore>(provider.GetRequiredService<ITuningRunStore>());
        Assert.IsType<TableBaselineStateRepository>(provider.GetRequiredService<IBaselineStateRepository>());
        Assert.IsType<TableCaseRecordStore>(provider.GetRequiredService<ICaseRecordStore>());
        Assert.IsType<TableCaseRecordStore>(provider.GetRequiredService<ICaseRecordSink>());
    }

    [Fact]
    public void TableNames_IncludeNewTables()
    {
        Assert.Contains(StorageTableNames.Incidents, StorageTableNames.All);
        Assert.Contains(StorageTableNames.Cases, StorageTableNames.All);
        Assert.Contains(StorageTableNames.TuningRuns, StorageTableNames.All);
        Assert.Contains(StorageTableNames.Baselines, StorageTableNames.All);
    }

    // Resolves the last registration of a type by its instance or factory. That is enough to check the
    // registrations, and this project does not reference the container package.
    private sealed class DescriptorProvider(IServiceCollection services) : IServiceProvider
    {
        public object? GetService(Type serviceType)
        {
            var descriptor = services.LastOrDefault(candidate => candidate.ServiceType == serviceType);
            return descriptor?.ImplementationInstance ?? descriptor?.ImplementationFactory?.Invoke(this);
        }
    }
}
