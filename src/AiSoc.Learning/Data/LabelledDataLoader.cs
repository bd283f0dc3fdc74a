using AiSoc.Learning.Tenant;
using Microsoft.Extensions.Logging;

namespace AiSoc.Learning.Data;

/// <summary>The kind of labelled input, found from the files themselves.</summary>
public enum LabelledInputKind
{
    /// <summary>GUIDE evidence CSV files, recognized by their header.</summary>
    Guide,

    /// <summary>A tenant's own incident and alert exports, read through the triage ingestion.</summary>
    TenantExport,
}

/// <summary>Labelled alerts and where they came from.</summary>
/// <param name="Alerts">The labelled alerts, ordered by time and then key.</param>
/// <param name="Kind">The detected input kind.</param>
/// <param name="Tenant">Label counts of a tenant export; null for GUIDE.</param>
public sealed record LabelledData(IReadOnlyList<TriageAlert> Alerts, LabelledInputKind Kind, TenantLabels? Tenant);

/// <summary>Loads labelled alerts from GUIDE evidence files or from tenant exports.</summary>
public static class LabelledDataLoader
{
    /// <summary>
    /// Reads every file and builds alerts. Files are read together, so an incident split across files stays one incident.
    /// </summary>
    public static IReadOnlyList<TriageAlert> LoadGuide(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);

        var rows = paths.SelectMany(GuideCsvReader.Read).ToArray();
        return EvidenceAggregator.ToAlerts(rows);
    }

    /// <summary>
    /// Detects the input kind and loads it. Paths that are all CSV files whose header has GUIDE's <c>OrgId</c> and
    /// <c>IncidentGrade</c> columns are GUIDE; anything else is a tenant export. A mix of both raises
    /// <see cref="LabelledDataException"/>, because GUIDE codes and tenant ids never describe the same alerts.
    /// </summary>
    public static LabelledData Load(IReadOnlyList<string> paths, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var guide = paths.Where(IsGuideFile).ToArray();
        if (guide.Length == paths.Count && guide.Length > 0)
        {
            return new LabelledData(LoadGuide(paths), LabelledInputKind.Guide, null);
        }

        if (guide.Length > 0)
        {
            throw new LabelledDataException(
                $"Cannot train on GUIDE files and tenant exports together: {guide[0]} is a GUIDE evidence file. Pass one kind per run.");
        }

        var tenant = TenantExportLoader.Load(paths, loggerFactory);
        return new LabelledData(tenant.Alerts, LabelledInputKind.TenantExport, tenant);
    }

    /// <summary>True when <paramref name="path"/> is a file whose first line names GUIDE's OrgId and IncidentGrade columns.</summary>
    public static bool IsGuideFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        string? header;
        try
        {
            using var reader = new StreamReader(path);
            header = reader.ReadLine();
        }
        catch (IOException)
        {
            return false;
        }

        if (header is null)
        {
            return false;
        }

        var columns = header.Split(',').Select(column => column.Trim().Trim('"')).ToHashSet(StringComparer.Ordinal);
        return columns.Contains("OrgId") && columns.Contains("IncidentGrade");
    }
}
