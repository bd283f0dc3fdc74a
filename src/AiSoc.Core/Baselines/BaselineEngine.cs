using AiSoc.Core.Normalizers.Telemetry;

namespace AiSoc.Core.Baselines;

/// <summary>
/// Updates the baselines in <see cref="BaselineState"/> one observation at a time, in time order, and returns the
/// anomalies found. Feeding observations in several runs gives the same anomalies as one run, as long as each run's
/// observations are later than the previous run's.
/// </summary>
public sealed class BaselineEngine
{
    private readonly BaselineOptions _options;

    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public BaselineEngine(BaselineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid baseline options: " + string.Join(" ", problems), nameof(options));
        }

        _options = options;
    }

    /// <summary>Counts the observations of <paramref name="batch"/> into <paramref name="state"/> and returns the anomalies.</summary>
    public BaselineRunResult Update(BaselineState state, TelemetryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(batch);

        var anomalies = new List<Anomaly>();
        var signIns = new SignInBaseline(_options, state);
        var logons = new LogonBaseline(_options, state);
        var processes = new ProcessBaseline(_options, state);
        var counted = new Counter();

        // Watermarks from earlier runs; observations in this run that share a timestamp are all counted.
        var signInsThrough = state.SignInsThrough;
        var logonsThrough = state.LogonsThrough;
        var processesThrough = state.ProcessesThrough;

        foreach (var signIn in batch.SignIns.OrderBy(o => o.Time))
        {
            if (counted.Take(signIn.Time, signInsThrough))
            {
                signIns.Observe(signIn, anomalies);
                state.SignInsThrough = signIn.Time;
            }
        }

        foreach (var logon in batch.Logons.OrderBy(o => o.Time))
        {
            if (counted.Take(logon.Time, logonsThrough))
            {
                logons.Observe(logon, anomalies);
                state.LogonsThrough = logon.Time;
            }
        }

        foreach (var process in batch.Processes.OrderBy(o => o.Time))
        {
            if (counted.Take(process.Time, processesThrough))
            {
                processes.Observe(process, anomalies);
                state.ProcessesThrough = process.Time;
            }
        }

        var ordered = anomalies.OrderBy(a => a.Time).ThenBy(a => a.Kind).ThenBy(a => a.Subject, StringComparer.Ordinal).ToList();
        return new BaselineRunResult(ordered, counted.Observed, counted.Skipped);
    }

    // NOTE: an observation at exactly the watermark time is taken as already counted, so a later export that adds
    // another event with that same timestamp loses it. Timestamps carry sub-second precision, which makes this rare.
    private sealed class Counter
    {
        public long Observed { get; private set; }

        public long Skipped { get; private set; }

        public bool Take(DateTimeOffset time, DateTimeOffset? watermark)
        {
            if (watermark is { } through && time <= through)
            {
                Skipped++;
                return false;
            }

            Observed++;
            return true;
        }
    }
}

/// <summary>The anomalies of one update, in time order, and how many observations it counted or skipped.</summary>
/// <param name="Skipped">Observations at or before the state's watermark, so already counted by an earlier run.</param>
public sealed record BaselineRunResult(IReadOnlyList<Anomaly> Anomalies, long Observed, long Skipped);
