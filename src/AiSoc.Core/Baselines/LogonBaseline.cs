using System.Globalization;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Baselines;

/// <summary>
/// Per-account Windows logon baseline: new source IP or workstation, and rare logon type. Failed logons (4625)
/// count toward warm-up but raise nothing here and teach no known value.
/// </summary>
internal sealed class LogonBaseline(BaselineOptions options, BaselineState state)
{
    /// <summary>Checks <paramref name="logon"/> against the account's baseline, adds any anomalies, then learns from it.</summary>
    public void Observe(LogonObservation logon, List<Anomaly> anomalies)
    {
        if (!state.Accounts.TryGetValue(logon.Account, out var profile))
        {
            profile = new AccountLogonProfile();
            state.Accounts[logon.Account] = profile;
        }

        if (logon.IsSuccess)
        {
            if (options.LogonWarmUp.IsComplete(profile.Observations, profile.FirstSeen, logon.Time))
            {
                CheckNewSource(logon, profile, anomalies);
                CheckRareType(logon, profile, anomalies);
            }

            profile.SuccessfulLogons++;
            Increment(profile.SourceIps, logon.SourceIp);
            Increment(profile.SourceWorkstations, logon.SourceWorkstation?.ToLowerInvariant());
            Increment(profile.LogonTypes, logon.LogonType.ToString(CultureInfo.InvariantCulture));
        }

        profile.Observations++;
        profile.FirstSeen ??= logon.Time;
    }

    private static void CheckNewSource(LogonObservation logon, AccountLogonProfile profile, List<Anomaly> anomalies)
    {
        var newIp = logon.SourceIp is { } ip && !profile.SourceIps.ContainsKey(ip);
        var newWorkstation = logon.SourceWorkstation is { } workstation && !profile.SourceWorkstations.ContainsKey(workstation.ToLowerInvariant());
        if (!newIp && !newWorkstation)
        {
            return;
        }

        var source = $"{logon.SourceWorkstation ?? "no workstation name"} ({logon.SourceIp ?? "no IP"})";
        var reason = $"Logon to {logon.Computer} as {logon.Account} from new source {source}; known source IPs: "
            + $"{BaselineText.Counts(profile.SourceIps)}; known workstations: {BaselineText.Counts(profile.SourceWorkstations)} "
            + $"from {BaselineText.Number(profile.SuccessfulLogons)} logons";
        var evidence = new Dictionary<string, string>
        {
            ["newSourceIp"] = newIp ? logon.SourceIp! : "no",
            ["newWorkstation"] = newWorkstation ? logon.SourceWorkstation! : "no",
            ["knownSourceIps"] = BaselineText.Counts(profile.SourceIps),
            ["knownWorkstations"] = BaselineText.Counts(profile.SourceWorkstations),
        };

        anomalies.Add(Create(AnomalyKind.LogonNewSource, logon, AnomalyScores.Novelty(profile.SuccessfulLogons), reason, evidence));
    }

    private void CheckRareType(LogonObservation logon, AccountLogonProfile profile, List<Anomaly> anomalies)
    {
        if (profile.SuccessfulLogons == 0)
        {
            return;
        }

        var type = logon.LogonType.ToString(CultureInfo.InvariantCulture);
        var share = (double)profile.LogonTypes.GetValueOrDefault(type) / profile.SuccessfulLogons;
        if (share > options.RareLogonTypeMaxShare)
        {
            return;
        }

        var known = profile.LogonTypes.ToDictionary(pair => LogonTypes.Describe(pair.Key), pair => pair.Value, StringComparer.Ordinal);
        var reason = $"Logon to {logon.Computer} as {logon.Account} with logon type {LogonTypes.Describe(type)}, "
            + $"{BaselineText.Number(share * 100, "0.#")}% of this account's {BaselineText.Number(profile.SuccessfulLogons)} logons; "
            + $"known logon types: {BaselineText.Counts(known)}";
        var evidence = new Dictionary<string, string>
        {
            ["logonType"] = type,
            ["share"] = BaselineText.Number(share, "0.####"),
            ["knownLogonTypes"] = BaselineText.Counts(known),
        };

        anomalies.Add(Create(AnomalyKind.LogonRareType, logon, AnomalyScores.Rarity(share), reason, evidence));
    }

    private static Anomaly Create(AnomalyKind kind, LogonObservation logon, double score, string reason, Dictionary<string, string> evidence)
    {
        evidence["account"] = logon.Account;
        evidence["computer"] = logon.Computer;

        var entities = new List<Entity>();
        if (EntityFactory.Account(name: logon.TargetUserName, ntDomain: logon.TargetDomainName) is { } account)
        {
            entities.Add(account);
        }

        if (EntityFactory.Host(hostName: logon.Computer, role: EntityRole.Impacted) is { } host)
        {
            entities.Add(host);
        }

        if (EntityFactory.Ip(logon.SourceIp) is { } ip)
        {
            entities.Add(ip);
        }

        if (logon.SourceWorkstation is { } workstation && EntityFactory.Host(hostName: workstation) is { } source && !entities.Contains(source))
        {
            entities.Add(source);
        }

        return new Anomaly(kind, logon.Time, logon.Account, score, reason, evidence, entities, logon.Raw);
    }

    private static void Increment(Dictionary<string, long> counts, string? key)
    {
        if (key is not null)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}
