using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Baselines;

/// <summary>
/// Per-IP check for password spray: one source IP failing against many distinct accounts within a window. One
/// anomaly is raised per IP and window, not one per further failure.
/// </summary>
internal sealed class PasswordSprayDetector(BaselineOptions options, BaselineState state)
{
    /// <summary>Counts the failed <paramref name="signIn"/> and adds an anomaly when its IP reaches the threshold.</summary>
    public void Observe(SignInObservation signIn, List<Anomaly> anomalies)
    {
        if (signIn.IpAddress is not { } ip)
        {
            return;
        }

        if (!state.Ips.TryGetValue(ip, out var profile))
        {
            profile = new IpFailureProfile();
            state.Ips[ip] = profile;
        }

        profile.Failures.Add(new FailedAttempt(signIn.Time, signIn.User));
        profile.Failures.RemoveAll(attempt => signIn.Time - attempt.Time > options.PasswordSprayWindow);

        var accounts = profile.Failures.Select(attempt => attempt.User).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var quiet = profile.LastSprayAt is not { } last || signIn.Time - last > options.PasswordSprayWindow;
        if (accounts.Count < options.PasswordSprayMinAccounts || !quiet)
        {
            return;
        }

        profile.LastSprayAt = signIn.Time;
        var first = profile.Failures[0].Time;
        var listedAccounts = string.Join(", ", accounts.Take(10)) + (accounts.Count > 10 ? $" and {accounts.Count - 10} more" : "");
        var reason = $"{BaselineText.Number(profile.Failures.Count)} failed sign-ins against {BaselineText.Number(accounts.Count)} accounts "
            + $"from {ip} since {BaselineText.Time(first)} (threshold {BaselineText.Number(options.PasswordSprayMinAccounts)} accounts "
            + $"within {BaselineText.Number(options.PasswordSprayWindow.TotalMinutes)} minutes): {listedAccounts}";
        var evidence = new Dictionary<string, string>
        {
            ["ip"] = ip,
            ["accounts"] = BaselineText.Number(accounts.Count),
            ["failures"] = BaselineText.Number(profile.Failures.Count),
            ["firstFailure"] = BaselineText.Time(first),
            ["targetedAccounts"] = string.Join(", ", accounts),
        };

        var entities = new List<Entity>();
        if (EntityFactory.Ip(ip, EntityRole.Attacker) is { } ipEntity)
        {
            entities.Add(ipEntity);
        }

        foreach (var user in accounts)
        {
            if (EntityFactory.Account(upn: user, name: user.Contains('@', StringComparison.Ordinal) ? null : user, role: EntityRole.Impacted) is { } account)
            {
                entities.Add(account);
            }
        }

        anomalies.Add(new Anomaly(AnomalyKind.PasswordSpray, signIn.Time, ip, AnomalyScores.Count(accounts.Count, options.PasswordSprayMinAccounts),
            reason, evidence, entities, signIn.Raw));
    }
}
