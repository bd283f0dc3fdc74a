namespace AiSoc.Functions.Hosting;

/// <summary>
/// Where the state tables live, section <c>Storage</c>: a <see cref="TableServiceUri"/> reached with the
/// user-assigned managed identity in Azure, or a <see cref="ConnectionString"/> for Azurite on a developer machine.
/// </summary>
public sealed class TableStorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Table service endpoint, such as <c>https://{account}.table.core.windows.net</c>.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>Client id of the managed identity used with <see cref="TableServiceUri"/>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Storage connection string; only for local development against Azurite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Optional prefix of every state table name, so several environments can share one storage account.</summary>
    public string? TablePrefix { get; set; }
}
