using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Baselines;

/// <summary>Per-host process baseline: parent–child pairs that the host has rarely or never started.</summary>
internal sealed class ProcessBaseline(BaselineOptions options, BaselineState state)
{
    /// <summary>Checks <paramref name="process"/> against the host's baseline, adds any anomaly, then learns from it.</summary>
    public void Observe(ProcessObservation process, List<Anomaly> anomalies)
    {
        if (!state.Hosts.TryGetValue(process.Host, out var profile))
        {
            profile = new HostProcessProfile();
            state.Hosts[process.Host] = profile;
        }

        var pair = process.Pair;
        if (options.ProcessWarmUp.IsComplete(profile.Observations, profile.FirstSeen, process.Time) && profile.Observations > 0)
        {
            var count = profile.Pairs.GetValueOrDefault(pair);
            var share = (double)count / profile.Observations;
            if (share <= options.RareProcessPairMaxShare)
            {
                anomalies.Add(Create(process, profile, count, share));
            }
        }

        profile.Pairs[pair] = profile.Pairs.GetValueOrDefault(pair) + 1;
        profile.Observations++;
        profile.FirstSeen ??= process.Time;
    }

    private static Anomaly Create(ProcessObservation process, HostProcessProfile profile, long count, double share)
    {
        var childrenOfParent = profile.Pairs
            .Where(known => known.Key.StartsWith(process.ParentFileName.ToLowerInvariant() + " -> ", StringComparison.Ordinal))
            .ToDictionary(known => known.Key, known => known.Value, StringComparer.Ordinal);
        var reason = $"{process.ParentFileName} started {process.FileName} on {process.DeviceName ?? process.Host}; this pair was seen "
            + $"{BaselineText.Number(count)} times in {BaselineText.Number(profile.Observations)} process creations on this host; "
            + $"known children of {process.ParentFileName}: {BaselineText.Counts(childrenOfParent)}";
        var evidence = new Dictionary<string, string>
        {
            ["host"] = process.Host,
            ["pair"] = process.Pair,
            ["pairCount"] = BaselineText.Number(count),
            ["hostProcessCreations"] = BaselineText.Number(profile.Observations),
            ["knownChildrenOfParent"] = BaselineText.Counts(childrenOfParent),
        };
        if (process.CommandLine is not null)
        {
            evidence["commandLine"] = process.CommandLine;
        }

        var entities = new List<Entity>();
        if (EntityFactory.Host(hostName: process.DeviceName, defenderDeviceId: process.DeviceId, role: EntityRole.Impacted) is { } host)
        {
            entities.Add(host);
        }

        entities.Add(new ProcessEntity
        {
            ImageFileName = process.FileName,
            CommandLine = process.CommandLine,
            CreatedAt = process.Time,
            ParentImageFileName = process.ParentFileName,
        });

        if (process.AccountName is { } accountName && EntityFactory.Account(name: accountName) is { } account)
        {
            entities.Add(account);
        }

        return new Anomaly(AnomalyKind.ProcessRarePair, process.Time, process.Host, AnomalyScores.Rarity(share), reason, evidence, entities, process.Raw);
    }
}
