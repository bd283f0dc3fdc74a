namespace AiSoc.Learning.Features;

/// <summary>
/// Past verdicts per detector and per organisation, queried without leakage. GUIDE records no closing time, so an
/// incident counts for an alert at time <c>t</c> only when the incident's last alert is at least <see cref="Margin"/>
/// before <c>t</c>; the margin stands in for the time an analyst takes to grade it. Each incident counts once per
/// detector that raised an alert in it.
/// </summary>
public sealed class VerdictHistory
{
    private readonly Dictionary<string, Timeline> _byDetector = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Timeline> _byOrg = new(StringComparer.Ordinal);

    /// <summary>The default margin between an incident's last alert and the time its grade may be used.</summary>
    public static readonly TimeSpan DefaultMargin = TimeSpan.FromDays(7);

    public VerdictHistory(IEnumerable<IncidentOutcome> incidents, TimeSpan margin)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentOutOfRangeException.ThrowIfLessThan(margin, TimeSpan.Zero);
        Margin = margin;

        foreach (var incident in incidents)
        {
            var usableFrom = incident.LastAlertAt + margin;
            Add(_byOrg, incident.OrgId, usableFrom, incident);
            foreach (var detector in incident.DetectorIds)
            {
                Add(_byDetector, detector, usableFrom, incident);
            }
        }

        foreach (var timeline in _byDetector.Values.Concat(_byOrg.Values))
        {
            timeline.Seal();
        }
    }

    public TimeSpan Margin { get; }

    /// <summary>Counts of the detector's incidents whose last alert is at least <see cref="Margin"/> before <paramref name="at"/>.</summary>
    public HistoryRates ForDetector(string detectorId, DateTimeOffset at) =>
        _byDetector.TryGetValue(detectorId, out var timeline) ? timeline.At(at) : default;

    /// <summary>Counts of the organisation's incidents whose last alert is at least <see cref="Margin"/> before <paramref name="at"/>.</summary>
    public HistoryRates ForOrg(string orgId, DateTimeOffset at) =>
        _byOrg.TryGetValue(orgId, out var timeline) ? timeline.At(at) : default;

    /// <summary>Counts of every incident per detector, as a deployment sees them after the last training incident.</summary>
    public IReadOnlyDictionary<string, HistoryRates> DetectorTotals() =>
        _byDetector.ToDictionary(pair => pair.Key, pair => pair.Value.At(DateTimeOffset.MaxValue), StringComparer.Ordinal);

    private static void Add(Dictionary<string, Timeline> timelines, string key, DateTimeOffset usableFrom, IncidentOutcome incident)
    {
        if (!timelines.TryGetValue(key, out var timeline))
        {
            timeline = new Timeline();
            timelines[key] = timeline;
        }

        timeline.Add(usableFrom, incident);
    }

    /// <summary>Incidents of one key ordered by the time their grade becomes usable, with running counts.</summary>
    private sealed class Timeline
    {
        private readonly List<(DateTimeOffset UsableFrom, IncidentOutcome Incident)> _pending = [];
        private DateTimeOffset[] _times = [];
        private HistoryRates[] _cumulative = [];

        public void Add(DateTimeOffset usableFrom, IncidentOutcome incident) => _pending.Add((usableFrom, incident));

        public void Seal()
        {
            _pending.Sort((a, b) => a.UsableFrom.CompareTo(b.UsableFrom));
            _times = new DateTimeOffset[_pending.Count];
            _cumulative = new HistoryRates[_pending.Count];

            var running = default(HistoryRates);
            for (var i = 0; i < _pending.Count; i++)
            {
                running = running.With(_pending[i].Incident.Grade);
                _times[i] = _pending[i].UsableFrom;
                _cumulative[i] = running;
            }

            _pending.Clear();
        }

        public HistoryRates At(DateTimeOffset at)
        {
            // Finds the number of incidents usable at or before 'at'.
            int low = 0, high = _times.Length;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_times[middle] <= at)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low == 0 ? default : _cumulative[low - 1];
        }
    }
}
