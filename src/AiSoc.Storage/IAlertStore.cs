using AiSoc.Core.Schema;

namespace AiSoc.Storage;

/// <summary>Normalized alerts keyed by their stable id, one row per provider alert.</summary>
public interface IAlertStore
{
    /// <summary>
    /// Stores <paramref name="alert"/> unless a version at least as new is stored. Versions of one provider alert
    /// share an id, so redelivered and re-exported copies collapse into one row.
    /// </summary>
    Task<AlertWriteOutcome> UpsertAsync(NormalizedAlert alert, CancellationToken cancellationToken = default);

    /// <summary>Returns the stored alert JSON and its version time, or null when the id is unknown.</summary>
    Task<StoredAlert?> GetAsync(string alertId, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IAlertStore.UpsertAsync"/> did.</summary>
public enum AlertWriteOutcome
{
    /// <summary>The alert was new.</summary>
    Inserted,

    /// <summary>The alert replaced an older version.</summary>
    Updated,

    /// <summary>A version at least as new was already stored, so nothing changed.</summary>
    Unchanged,
}

/// <summary>A stored alert: the alert as camelCase JSON, the version time that ordered it, and its provider id.</summary>
public sealed record StoredAlert(string AlertId, string ProviderAlertId, DateTimeOffset VersionTime, string Json);
