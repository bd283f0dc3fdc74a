using AiSoc.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Hosting;

/// <summary>Creates the state tables at start-up, so the first trigger does not race to create them.</summary>
public sealed partial class TableInitializer(StorageTables tables, ILogger<TableInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in StorageTableNames.All)
        {
            await tables.Get(name).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        LogTablesReady(logger, StorageTableNames.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "{TableCount} state tables exist or were created")]
    private static partial void LogTablesReady(ILogger logger, int tableCount);
}
