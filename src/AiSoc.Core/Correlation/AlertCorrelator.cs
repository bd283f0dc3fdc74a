using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>
/// Groups alerts into incidents. Alerts link when they carry keys of the same key group (see <see cref="KeyGroups"/>)
/// and their activity times are closer than the window; alerts of one provider incident always stay together.
/// Keys on the ignore list, keys seen in more alerts within one window than the prevalence limit, and weak keys tied to two different
/// strong identifiers do not link, and incidents stop growing through entity links at the maximum size. Each
/// incident reports the keys held back. The output does not depend on input order. The work is O(n log n) in the
/// number of alert keys, so a million alerts take seconds.
/// </summary>
public sealed class AlertCorrelator
{
    private readonly CorrelationOptions _options;
    private readonly IgnoreList _ignoreList;

    public AlertCorrelator(CorrelationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        _options = new CorrelationOptions
        {
            Window = options.Window,
            MaxIncidentSize = options.MaxIncidentSize,
            PrevalenceLimit = options.PrevalenceLimit,
        };
        _ignoreList = new IgnoreList(options.IgnoredEntities);
    }

    /// <summary>
    /// Correlates <paramref name="alerts"/>, keeping the latest version of each alert id, and sets
    /// <see cref="NormalizedAlert.IncidentId"/> on every alert that the result contains.
    /// </summary>
    /// <param name="alerts">Alerts to correlate.</param>
    /// <param name="providerIncidents">Provider incidents whose listed alerts must stay together; may be null.</param>
    public CorrelationResult Correlate(IReadOnlyList<NormalizedAlert> alerts, IReadOnlyList<ProviderIncident>? providerIncidents = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);

        var ordered = AlertOrdering.LatestVersionsInTimeOrder(alerts);
        var index = new KeyIndex(ordered);
        var holdBacks = new KeyHoldBacks(index, ordered, _options, _ignoreList);
        var groups = new KeyGroups(index, holdBacks);
        var sets = new UnionFind(ordered.Length);

        var listedIds = ProviderGrouping.Join(ordered, providerIncidents ?? [], sets);
        var rejectedLinks = EntityLinker.Link(ordered, index, groups, sets, _options.Window, _options.MaxIncidentSize);

        var assembler = new IncidentAssembler(ordered, index, holdBacks, groups, listedIds, _options.MaxIncidentSize);
        return assembler.Assemble(sets, rejectedLinks);
    }
}
