namespace AiSoc.Learning.Data;

/// <summary>Loads labelled alerts from GUIDE evidence files.</summary>
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
}
