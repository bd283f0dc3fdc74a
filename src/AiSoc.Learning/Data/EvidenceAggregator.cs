namespace AiSoc.Learning.Data;

/// <summary>
/// Groups GUIDE evidence rows into alerts. An alert is keyed by organisation, incident and alert id, because GUIDE
/// reuses alert ids across incidents. Every alert carries its incident's grade.
/// </summary>
public static class EvidenceAggregator
{
    /// <summary>Builds one <see cref="TriageAlert"/> per alert, ordered by time and then key.</summary>
    public static IReadOnlyList<TriageAlert> ToAlerts(IEnumerable<EvidenceRow> rows)
    {
        var byAlert = rows
            .GroupBy(row => (row.OrgId, row.IncidentId, row.AlertId))
            .Select(group => (Key: group.Key, Rows: group.ToArray(), Time: group.Min(row => row.Timestamp)))
            .ToArray();

        var result = new List<TriageAlert>(byAlert.Length);
        foreach (var incident in byAlert.GroupBy(alert => (alert.Key.OrgId, alert.Key.IncidentId)))
        {
            var ordered = incident.OrderBy(alert => alert.Time).ThenBy(alert => alert.Key.AlertId, StringComparer.Ordinal).ToArray();
            for (var i = 0; i < ordered.Length; i++)
            {
                var alertsSoFar = ordered.Count(other => other.Time <= ordered[i].Time);
                var evidenceUpToTime = ordered.Where(other => other.Time <= ordered[i].Time).Sum(other => other.Rows.Length);
                result.Add(Build(ordered[i].Rows, ordered[i].Time, alertsSoFar, evidenceUpToTime));
            }
        }

        return result
            .OrderBy(alert => alert.Time)
            .ThenBy(alert => alert.AlertKey, StringComparer.Ordinal)
            .ToArray();
    }

    private static TriageAlert Build(EvidenceRow[] rows, DateTimeOffset time, int incidentAlerts, int incidentEvidence)
    {
        var first = rows[0];
        var entityTypes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Where(row => row.EntityType.Length > 0))
        {
            entityTypes[row.EntityType] = entityTypes.GetValueOrDefault(row.EntityType) + 1;
        }

        return new TriageAlert
        {
            OrgId = first.OrgId,
            IncidentKey = first.OrgId + "/" + first.IncidentId,
            AlertKey = first.OrgId + "/" + first.IncidentId + "/" + first.AlertId,
            Time = time,
            DetectorId = first.DetectorId,
            AlertTitle = first.AlertTitle,
            Category = first.Category,
            Techniques = rows.SelectMany(row => row.Techniques).Distinct(StringComparer.Ordinal).ToArray(),
            EntityTypeCounts = entityTypes,
            ImpactedCount = rows.Count(row => row.EvidenceRole == "Impacted"),
            RelatedCount = rows.Count(row => row.EvidenceRole == "Related"),
            SuspiciousCount = rows.Count(row => row.SuspicionLevel == "Suspicious"),
            IncriminatedCount = rows.Count(row => row.SuspicionLevel == "Incriminated"),
            LastVerdictMaliciousCount = rows.Count(row => row.LastVerdict == "Malicious"),
            LastVerdictSuspiciousCount = rows.Count(row => row.LastVerdict == "Suspicious"),
            LastVerdictNoThreatsFoundCount = rows.Count(row => row.LastVerdict == "NoThreatsFound"),
            EvidenceCount = rows.Length,
            IncidentAlertsSoFar = incidentAlerts,
            IncidentEvidenceSoFar = incidentEvidence,
            Grade = first.Grade,
        };
    }
}
