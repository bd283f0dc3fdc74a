using System.Globalization;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Normalizers.Telemetry;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Baselines;

/// <summary>
/// Per-user sign-in baseline. Failed sign-ins count toward warm-up, impossible travel, failure bursts and password
/// spray, but never teach a known country, ASN, device, client app or hour, so an attacker's failed attempts cannot
/// make their location look normal.
/// </summary>
internal sealed class SignInBaseline(BaselineOptions options, BaselineState state)
{
    private readonly PasswordSprayDetector _spray = new(options, state);

    /// <summary>Checks <paramref name="signIn"/> against the user's baseline, adds any anomalies, then learns from it.</summary>
    public void Observe(SignInObservation signIn, List<Anomaly> anomalies)
    {
        if (!state.Users.TryGetValue(signIn.User, out var profile))
        {
            profile = new UserSignInProfile();
            state.Users[signIn.User] = profile;
        }

        var context = new Context(signIn, profile, anomalies);
        CheckImpossibleTravel(context);

        if (signIn.IsSuccess)
        {
            if (options.SignInWarmUp.IsComplete(profile.Observations, profile.FirstSeen, signIn.Time))
            {
                CheckNewValues(context);
                CheckUnusualHour(context);
            }

            CheckFailureBurst(context);
            LearnSuccess(signIn, profile);
        }
        else
        {
            LearnFailure(signIn, profile);
            _spray.Observe(signIn, anomalies);
        }

        if (signIn.Coordinates is { } point)
        {
            profile.LastLocation = new GeoFix(signIn.Time, point.Latitude, point.Longitude, signIn.Place, signIn.IpAddress, signIn.IsSuccess);
        }

        profile.Observations++;
        profile.FirstSeen ??= signIn.Time;
    }

    private void CheckImpossibleTravel(Context context)
    {
        var (signIn, profile, _) = context;
        if (signIn.Coordinates is not { } here || profile.LastLocation is not { } previous)
        {
            return;
        }

        var distance = GreatCircle.DistanceKm(new GeoPoint(previous.Latitude, previous.Longitude), here);
        if (distance < options.ImpossibleTravelMinDistanceKm)
        {
            return;
        }

        var hours = (signIn.Time - previous.Time).TotalHours;
        var speed = hours > 0 ? distance / hours : double.PositiveInfinity;
        if (speed <= options.ImpossibleTravelSpeedKmh)
        {
            return;
        }

        var speedText = double.IsPositiveInfinity(speed) ? "no time between them" : BaselineText.Number(speed) + " km/h";
        var reason = $"Sign-ins {BaselineText.Number(distance)} km apart in {BaselineText.Number(hours * 60)} minutes "
            + $"({speedText}, limit {BaselineText.Number(options.ImpossibleTravelSpeedKmh)} km/h): "
            + $"{Outcome(previous.IsSuccess)} from {previous.Place} ({previous.IpAddress ?? "no IP"}) at {BaselineText.Time(previous.Time)}, "
            + $"then {Outcome(signIn.IsSuccess)} from {signIn.Place} ({signIn.IpAddress ?? "no IP"}) at {BaselineText.Time(signIn.Time)}";
        var evidence = new Dictionary<string, string>
        {
            ["distanceKm"] = BaselineText.Number(distance),
            ["elapsedMinutes"] = BaselineText.Number(hours * 60, "0.0"),
            ["speedKmh"] = double.IsPositiveInfinity(speed) ? "infinite" : BaselineText.Number(speed),
            ["speedLimitKmh"] = BaselineText.Number(options.ImpossibleTravelSpeedKmh),
            ["previousPlace"] = previous.Place,
            ["previousTime"] = BaselineText.Time(previous.Time),
            ["previousResult"] = Outcome(previous.IsSuccess),
        };
        if (previous.IpAddress is not null)
        {
            evidence["previousIp"] = previous.IpAddress;
        }

        context.Add(AnomalyKind.ImpossibleTravel, AnomalyScores.Speed(speed, options.ImpossibleTravelSpeedKmh), reason, evidence, previous.IpAddress);
    }

    private static void CheckNewValues(Context context)
    {
        var (signIn, profile, _) = context;
        var history = profile.SuccessfulSignIns;

        if (signIn.Country is { } country && !profile.Countries.ContainsKey(country))
        {
            var reason = $"Sign-in from {country} ({signIn.Place}); known countries for this user: {BaselineText.Counts(profile.Countries)} "
                + $"from {BaselineText.Number(history)} successful sign-ins";
            if (profile.FailedCountries.Count > 0)
            {
                reason += $"; failed sign-ins came from {BaselineText.Counts(profile.FailedCountries)}";
            }

            context.Add(AnomalyKind.SignInNewCountry, AnomalyScores.Novelty(history), reason, new Dictionary<string, string>
            {
                ["country"] = country,
                ["knownCountries"] = BaselineText.Counts(profile.Countries),
                ["failedSignInCountries"] = BaselineText.Counts(profile.FailedCountries),
            });
        }

        CheckNewValue(context, AnomalyKind.SignInNewAsn, "ASN", signIn.AutonomousSystemNumber, profile.Asns);
        CheckNewValue(context, AnomalyKind.SignInNewDevice, "device", signIn.DeviceSignature, profile.Devices);
        CheckNewValue(context, AnomalyKind.SignInNewClientApp, "client app", signIn.ClientAppUsed, profile.ClientApps);
    }

    private static void CheckNewValue(Context context, AnomalyKind kind, string valueName, string? value, Dictionary<string, long> known)
    {
        if (value is null || known.ContainsKey(value))
        {
            return;
        }

        var history = context.Profile.SuccessfulSignIns;
        var reason = $"Sign-in with {valueName} {value}; known for this user: {BaselineText.Counts(known)} from {BaselineText.Number(history)} successful sign-ins";
        context.Add(kind, AnomalyScores.Novelty(history), reason, new Dictionary<string, string>
        {
            ["value"] = value,
            ["known"] = BaselineText.Counts(known),
        });
    }

    private void CheckUnusualHour(Context context)
    {
        var (signIn, profile, _) = context;
        var history = profile.SuccessfulSignIns;
        if (history < options.UnusualHourMinSignIns)
        {
            return;
        }

        var hour = signIn.Time.UtcDateTime.Hour;
        var nearby = profile.Hours[(hour + 23) % 24] + profile.Hours[hour] + profile.Hours[(hour + 1) % 24];
        var share = (double)nearby / history;
        if (share > options.UnusualHourMaxShare)
        {
            return;
        }

        var usual = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var h = 0; h < 24; h++)
        {
            if (profile.Hours[h] > 0)
            {
                usual[h.ToString("00", CultureInfo.InvariantCulture) + ":00"] = profile.Hours[h];
            }
        }

        var reason = $"Sign-in at {hour.ToString("00", CultureInfo.InvariantCulture)}:00 UTC; {BaselineText.Number(nearby)} of "
            + $"{BaselineText.Number(history)} earlier successful sign-ins of this user were within one hour of it; usual hours: {BaselineText.Counts(usual)}";
        context.Add(AnomalyKind.SignInUnusualHour, AnomalyScores.Rarity(share), reason, new Dictionary<string, string>
        {
            ["hourUtc"] = hour.ToString(CultureInfo.InvariantCulture),
            ["signInsWithinOneHour"] = BaselineText.Number(nearby),
            ["successfulSignIns"] = BaselineText.Number(history),
            ["usualHoursUtc"] = BaselineText.Counts(usual),
        });
    }

    private void CheckFailureBurst(Context context)
    {
        var (signIn, profile, _) = context;
        PruneFailures(profile, signIn.Time);
        var failures = profile.RecentFailures.Count;
        if (failures >= options.FailureBurstMinFailures)
        {
            var first = profile.RecentFailures[0];
            var reason = $"Successful sign-in after {BaselineText.Number(failures)} failed sign-ins since {BaselineText.Time(first)} "
                + $"(threshold {BaselineText.Number(options.FailureBurstMinFailures)} within {BaselineText.Number(options.FailureBurstWindow.TotalMinutes)} minutes)";
            context.Add(AnomalyKind.FailureBurstThenSuccess, AnomalyScores.Count(failures, options.FailureBurstMinFailures), reason,
                new Dictionary<string, string>
                {
                    ["failures"] = BaselineText.Number(failures),
                    ["firstFailure"] = BaselineText.Time(first),
                });
        }

        profile.RecentFailures.Clear();
    }

    private static void LearnSuccess(SignInObservation signIn, UserSignInProfile profile)
    {
        profile.SuccessfulSignIns++;
        profile.Hours[signIn.Time.UtcDateTime.Hour]++;
        Increment(profile.Countries, signIn.Country);
        Increment(profile.Asns, signIn.AutonomousSystemNumber);
        Increment(profile.Devices, signIn.DeviceSignature);
        Increment(profile.ClientApps, signIn.ClientAppUsed);
    }

    private void LearnFailure(SignInObservation signIn, UserSignInProfile profile)
    {
        Increment(profile.FailedCountries, signIn.Country);
        profile.RecentFailures.Add(signIn.Time);
        PruneFailures(profile, signIn.Time);
    }

    private void PruneFailures(UserSignInProfile profile, DateTimeOffset now) =>
        profile.RecentFailures.RemoveAll(time => now - time > options.FailureBurstWindow);

    private static void Increment(Dictionary<string, long> counts, string? key)
    {
        if (key is not null)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }

    private static string Outcome(bool isSuccess) => isSuccess ? "successful sign-in" : "failed sign-in";

    private sealed record Context(SignInObservation SignIn, UserSignInProfile Profile, List<Anomaly> Anomalies)
    {
        public void Add(AnomalyKind kind, double score, string reason, Dictionary<string, string> evidence, string? otherIp = null)
        {
            evidence["user"] = SignIn.User;
            evidence["resultType"] = SignIn.ResultType;
            evidence["place"] = SignIn.Place;

            var entities = new List<Entity>();
            if (EntityFactory.Account(objectId: SignIn.UserId, upn: SignIn.UserPrincipalName, name: SignIn.UserPrincipalName is null ? SignIn.User : null) is { } account)
            {
                entities.Add(account);
            }

            foreach (var ip in new[] { SignIn.IpAddress, otherIp })
            {
                if (EntityFactory.Ip(ip) is { } entity && !entities.Contains(entity))
                {
                    entities.Add(entity);
                }
            }

            Anomalies.Add(new Anomaly(kind, SignIn.Time, SignIn.User, score, reason, evidence, entities, SignIn.Raw));
        }
    }
}
