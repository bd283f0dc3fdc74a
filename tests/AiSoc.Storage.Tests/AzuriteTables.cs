using Azure;
using Azure.Core;
using Azure.Data.Tables;

namespace AiSoc.Storage.Tests;

/// <summary>
/// Connects to the Azurite table service named by <c>AISOC_AZURITE_TABLES</c> (a storage connection string;
/// .ci/run starts Azurite and sets it) and creates uniquely named tables that are deleted afterwards.
/// </summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    public const string VariableName = "AISOC_AZURITE_TABLES";

    // Azurite's documented development account and key; it works only against the local emulator.
    private const string DefaultConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    private readonly List<TableClient> _created = [];
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12];
    private TableServiceClient? _service;

    public TableServiceClient Service => _service ?? throw new InvalidOperationException("The fixture is not initialized.");

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : DefaultConnectionString;

    public async Task InitializeAsync()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        _service = new TableServiceClient(ConnectionString, options);

        try
        {
            await _service.GetPropertiesAsync();
        }
        catch (Exception error) when (error is RequestFailedException or HttpRequestException or OperationCanceledException or AggregateException)
        {
            throw new InvalidOperationException(
                $"Azurite table service is not reachable ({error.GetType().Name}: {error.Message}). Start it with "
                + "'azurite-table --tableHost 127.0.0.1 --tablePort 10002 --location <folder>' and set "
                + $"{VariableName} to its connection string, or run .ci/run, which does both.", error);
        }
    }

    /// <summary>Creates a table unique to this fixture, for one concern such as approvals.</summary>
    public async Task<TableClient> CreateTableAsync(string concern)
    {
        var table = Service.GetTableClient(_prefix + concern + _created.Count);
        await table.CreateIfNotExistsAsync();
        _created.Add(table);
        return table;
    }

    public async Task DisposeAsync()
    {
        foreach (var table in _created)
        {
            await table.DeleteAsync();
        }
    }
}
