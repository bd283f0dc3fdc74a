using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// The state tables of one deployment: the names in <see cref="StorageTableNames"/> with an optional prefix, so
/// several environments can share one storage account.
/// </summary>
public sealed partial class StorageTables
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;

    /// <exception cref="ArgumentException"><paramref name="prefix"/> is not letters and digits starting with a letter, at most 20 characters.</exception>
    public StorageTables(TableServiceClient service, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!string.IsNullOrEmpty(prefix) && !ValidPrefix().IsMatch(prefix))
        {
            throw new ArgumentException($"Invalid table prefix '{prefix}': expected 1 to 20 letters and digits, starting with a letter.", nameof(prefix));
        }

        _service = service;
        _prefix = prefix ?? string.Empty;
    }

    /// <summary>Every state table name with the prefix.</summary>
    public IReadOnlyList<string> Names => [.. StorageTableNames.All.Select(name => _prefix + name)];

    /// <summary>Returns the client of table <paramref name="name"/>, one of <see cref="StorageTableNames"/>, with the prefix.</summary>
    public TableClient Get(string name) => _service.GetTableClient(_prefix + name);

    /// <summary>Returns true when <paramref name="prefix"/> is empty or valid as a table name prefix.</summary>
    public static bool IsValidPrefix(string? prefix) => string.IsNullOrEmpty(prefix) || ValidPrefix().IsMatch(prefix);

    // Table names are 3 to 63 letters and digits starting with a letter; the longest default name is 12 characters.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,19}$")]
    private static partial Regex ValidPrefix();
}
