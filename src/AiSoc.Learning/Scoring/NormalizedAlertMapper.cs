using System.Globalization;
using AiSoc.Core.Baselines;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using AiSoc.Learning.Data;

namespace AiSoc.Learning.Scoring;

/// <summary>
/// Builds the features' <see cref="TriageAlert"/> from a <see cref="NormalizedAlert"/>: source and detector id,
/// category, severity, techniques, entity kinds and roles, time, the rule score and a baseline anomaly score. Training
/// on tenant exports and scoring in triage both call this mapper, so their features match.
/// </summary>
/// <remarks>
/// NOTE: a model trained on GUIDE cannot score a tenant's own alerts in a useful way, because GUIDE detector ids,
/// titles and entities are anonymised integer codes that no real alert carries. A deployment trains on its own
/// closed incidents (Sentinel classifications, Defender determinations) so that ids match.
/// </remarks>
public static class NormalizedAlertMapper
{
    /// <summary>The organisation key used for a tenant's own alerts, which carry no GUIDE OrgId.</summary>
    public const string TenantOrgId = "tenant";

    public static TriageAlert ToTriageAlert(NormalizedAlert alert, AlertContext context, int? ruleScore) =>
        ToTriageAlert(alert, context, ruleScore, grade: null);

    /// <summary>Builds the features' alert with the analyst's <paramref name="grade"/>, for training.</summary>
    public static TriageAlert ToTriageAlert(NormalizedAlert alert, AlertContext context, int? ruleScore, IncidentGrade? grade)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(context);

        var entityKinds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entity in alert.Entities)
        {
            entityKinds[entity.Kind] = entityKinds.GetValueOrDefault(entity.Kind) + 1;
        }

        var incident = alert.IncidentId ?? alert.ProviderIncidentId ?? alert.Id;
        return new TriageAlert
        {
            OrgId = TenantOrgId,
            IncidentKey = TenantOrgId + "/" + incident,
            AlertKey = TenantOrgId + "/" + incident + "/" + alert.Id,
            Time = alert.CreatedAt,
            DetectorId = alert.Source + ":" + (alert.DetectorId ?? alert.Title),
            AlertTitle = alert.Title,
            Category = alert.Category ?? "",
            Techniques = alert.Techniques,
            EntityTypeCounts = entityKinds,
            ImpactedCount = alert.Entities.Count(entity => entity.Role == EntityRole.Impacted),
            RelatedCount = alert.Entities.Count(entity => entity.Role is EntityRole.Related or EntityRole.Attacker),
            EvidenceCount = alert.Entities.Count,
            IncidentAlertsSoFar = context.CorrelatedAlertCount + 1,
            IncidentEvidenceSoFar = alert.Entities.Count,
            Severity = alert.Severity,
            RuleScore = ruleScore,
            AnomalyScore = AnomalyScoreOf(alert),
            Grade = grade,
        };
    }

    /// <summary>Returns the baseline anomaly score of <paramref name="alert"/>, or null when it has none or it is not a number.</summary>
    public static double? AnomalyScoreOf(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);

        return alert.Extra.TryGetValue(AnomalyAlertFactory.ScoreKey, out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
            && double.IsFinite(score)
                ? score
                : null;
    }
}
