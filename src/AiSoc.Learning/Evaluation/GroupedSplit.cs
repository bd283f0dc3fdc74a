using AiSoc.Learning.Data;

namespace AiSoc.Learning.Evaluation;

/// <summary>One train/test split of alerts.</summary>
public sealed record SplitSides(IReadOnlyList<TriageAlert> Train, IReadOnlyList<TriageAlert> Test);

/// <summary>
/// Splits alerts so that each organisation, and so each incident, lies wholly on one side. GUIDE incident ids are
/// unique only within an organisation, so keeping organisations whole keeps incidents whole.
/// </summary>
public static class GroupedSplit
{
    /// <summary>
    /// Assigns organisations to <paramref name="folds"/> folds, largest first, each to the fold with the fewest alerts
    /// so far; ties between organisations of equal size are broken by a shuffle seeded with <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<SplitSides> Folds(IReadOnlyList<TriageAlert> alerts, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);

        var orgs = ShuffledOrgs(alerts, seed).OrderByDescending(org => org.Count).ToArray();
        if (orgs.Length < folds)
        {
            throw new ArgumentException($"Cannot make {folds} folds from {orgs.Length} organisations: expected at least one organisation per fold.");
        }

        var sizes = new int[folds];
        var foldOfOrg = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var org in orgs)
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            foldOfOrg[org.OrgId] = smallest;
            sizes[smallest] += org.Count;
        }

        return Enumerable.Range(0, folds)
            .Select(fold => new SplitSides(
                alerts.Where(alert => foldOfOrg[alert.OrgId] != fold).ToArray(),
                alerts.Where(alert => foldOfOrg[alert.OrgId] == fold).ToArray()))
            .ToArray();
    }

    /// <summary>Holds out shuffled organisations until at least <paramref name="testShare"/> of the alerts are on the test side.</summary>
    public static SplitSides Holdout(IReadOnlyList<TriageAlert> alerts, double testShare, int seed)
    {
        ArgumentNullException.ThrowIfNull(alerts);

        var target = testShare * alerts.Count;
        var testOrgs = new HashSet<string>(StringComparer.Ordinal);
        var testCount = 0;
        foreach (var org in ShuffledOrgs(alerts, seed))
        {
            if (testCount >= target)
            {
                break;
            }

            testOrgs.Add(org.OrgId);
            testCount += org.Count;
        }

        return new SplitSides(
            alerts.Where(alert => !testOrgs.Contains(alert.OrgId)).ToArray(),
            alerts.Where(alert => testOrgs.Contains(alert.OrgId)).ToArray());
    }

    /// <summary>
    /// Holds out the latest incidents, by their first alert, until at least <paramref name="testShare"/> of the alerts
    /// are on the test side. This is the split for one organisation: a deployment scores incidents that come after
    /// the ones it learned from, and each incident stays whole.
    /// </summary>
    public static SplitSides HoldoutLatestIncidents(IReadOnlyList<TriageAlert> alerts, double testShare)
    {
        ArgumentNullException.ThrowIfNull(alerts);

        var incidents = alerts
            .GroupBy(alert => alert.IncidentKey, StringComparer.Ordinal)
            .OrderByDescending(incident => incident.Min(alert => alert.Time))
            .ThenByDescending(incident => incident.Key, StringComparer.Ordinal)
            .ToArray();

        var target = testShare * alerts.Count;
        var testIncidents = new HashSet<string>(StringComparer.Ordinal);
        var testCount = 0;
        foreach (var incident in incidents)
        {
            if (testCount >= target)
            {
                break;
            }

            testIncidents.Add(incident.Key);
            testCount += incident.Count();
        }

        return new SplitSides(
            alerts.Where(alert => !testIncidents.Contains(alert.IncidentKey)).ToArray(),
            alerts.Where(alert => testIncidents.Contains(alert.IncidentKey)).ToArray());
    }

    private static (string OrgId, int Count)[] ShuffledOrgs(IReadOnlyList<TriageAlert> alerts, int seed)
    {
        var orgs = alerts
            .GroupBy(alert => alert.OrgId, StringComparer.Ordinal)
            .Select(group => (OrgId: group.Key, Count: group.Count()))
            .OrderBy(org => org.OrgId, StringComparer.Ordinal)
            .ToArray();
        new Random(seed).Shuffle(orgs);
        return orgs;
    }
}
