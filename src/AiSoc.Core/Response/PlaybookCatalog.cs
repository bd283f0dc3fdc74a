using AiSoc.Core.Schema;
using AiSoc.Core.Triage;

namespace AiSoc.Core.Response;

/// <summary>The validated playbooks, sorted by id, and the rules that pick the ones an incident matches.</summary>
public sealed class PlaybookCatalog
{
    public PlaybookCatalog(IReadOnlyList<Playbook> playbooks)
    {
        Playbooks = playbooks;
    }

    public IReadOnlyList<Playbook> Playbooks { get; }

    /// <summary>Returns the playbook with <paramref name="id"/>, or null.</summary>
    public Playbook? Find(string id) => Playbooks.FirstOrDefault(playbook => playbook.Id == id);

    /// <summary>Returns the playbooks whose match conditions the incident meets, in id order.</summary>
    /// <param name="incident">The incident.</param>
    /// <param name="alerts">The incident's alerts; their detector ids are matched against <see cref="PlaybookMatch.DetectorIds"/>.</param>
    public IReadOnlyList<Playbook> Match(IncidentSummary incident, IReadOnlyCollection<NormalizedAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(alerts);

        return [.. Playbooks.Where(playbook => Matches(playbook.Match, incident, alerts))];
    }

    internal static bool Matches(PlaybookMatch match, IncidentSummary incident, IReadOnlyCollection<NormalizedAlert> alerts)
    {
        if (VerdictRank(incident.Verdict) < VerdictRank(match.MinimumVerdict))
        {
            return false;
        }

        var detectorIds = alerts.Select(alert => alert.DetectorId).OfType<string>();
        var entityKinds = incident.Entities.Select(entity => entity.Kind);

        return AnyOrEmpty(match.DetectorIds, detectorIds)
            && AnyOrEmpty(match.Tactics, incident.Tactics)
            && AnyOrEmpty(match.Sources, incident.Sources)
            && AnyOrEmpty(match.EntityKinds, entityKinds)
            && (match.Techniques.Count == 0 || incident.Techniques.Any(technique => match.Techniques.Any(wanted => IsTechniqueOrChild(technique, wanted))));
    }

    // Needs-context ranks with suspicious: the incident still gets a plan, and the policy sends it to a person.
    private static int VerdictRank(Verdict verdict) => verdict switch
    {
        Verdict.Benign => 0,
        Verdict.Suspicious or Verdict.NeedsContext => 1,
        Verdict.Malicious => 2,
        _ => 0,
    };

    private static bool AnyOrEmpty(IReadOnlyList<string> wanted, IEnumerable<string> actual) =>
        wanted.Count == 0 || actual.Any(value => wanted.Contains(value, StringComparer.OrdinalIgnoreCase));

    private static bool IsTechniqueOrChild(string technique, string wanted) =>
        string.Equals(technique, wanted, StringComparison.OrdinalIgnoreCase)
        || technique.StartsWith(wanted + ".", StringComparison.OrdinalIgnoreCase);
}
