using AiSoc.Core.Baselines;
using AiSoc.Core.Tuning;
using AiSoc.Investigations.Ports;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Storage;

/// <summary>Registers the table stores of incidents, case records, tuning runs and baseline state.</summary>
public static class TableStateStoreRegistration
{
    /// <summary>
    /// Registers <see cref="IInvestigationStore"/>, <see cref="ICaseRecordStore"/> (also as <see cref="ICaseRecordSink"/>),
    /// <see cref="ITuningRunStore"/> and <see cref="IBaselineStateRepository"/> as singletons on the tables named in
    /// <see cref="StorageTableNames"/>. The container must already provide <see cref="StorageTables"/> or a
    /// <see cref="TableServiceClient"/>, and the tables must exist (the host creates them at start-up).
    /// </summary>
    public static IServiceCollection AddTableStateStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddSingleton(provider => new TableInvestigationStore(Table(provider, StorageTableNames.Incidents)));
        services.AddSingleton<IInvestigationStore>(provider => provider.GetRequiredService<TableInvestigationStore>());
        services.AddSingleton(provider => new TableCaseRecordStore(Table(provider, StorageTableNames.Cases)));
        services.AddSingleton<ICaseRecordStore>(provider => provider.GetRequiredService<TableCaseRecordStore>());
        services.AddSingleton<ICaseRecordSink>(provider => provider.GetRequiredService<TableCaseRecordStore>());
        services.AddSingleton<ITuningRunStore>(provider => new TableTuningRunStore(Table(provider, StorageTableNames.TuningRuns)));
        services.AddSingleton<IBaselineStateRepository>(provider => new TableBaselineStateRepository(Table(provider, StorageTableNames.Baselines)));
        return services;
    }

    private static TableClient Table(IServiceProvider provider, string name) =>
        (provider.GetService<StorageTables>() ?? new StorageTables(provider.GetRequiredService<TableServiceClient>())).Get(name);
}
