using System.Text.Json;
using AiSoc.Core.Baselines;
using AiSoc.Core.Output;

namespace AiSoc.Storage.Tests;

/// <summary>Builds baseline states of a chosen number of users and compares them by their JSON.</summary>
internal static class BaselineStates
{
    private static readonly DateTimeOffset Seen = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static BaselineState WithUsers(int users)
    {
        var state = new BaselineState { SignInsThrough = Seen.AddDays(30), LogonsThrough = Seen.AddDays(29) };
        for (var index = 0; index < users; index++)
        {
            var profile = new UserSignInProfile
            {
                Observations = 40 + index,
                FirstSeen = Seen,
                SuccessfulSignIns = 38,
                Countries = new(StringComparer.Ordinal) { ["US"] = 30, ["GB"] = 8 },
                Asns = new(StringComparer.Ordinal) { ["8075"] = 38 },
                Devices = new(StringComparer.Ordinal) { ["Windows 10 / Edge 120"] = 38 },
                ClientApps = new(StringComparer.Ordinal) { ["Browser"] = 38 },
                LastLocation = new GeoFix(Seen.AddDays(29), 47.6062, -122.3321, "Seattle, US", "203.0.113.7", true),
                RecentFailures = [Seen.AddDays(29).AddMinutes(-3)],
            };
            profile.Hours[9] = 20;
            profile.Hours[14] = 18;
            state.Users[$"user{index:D6}@contoso.com"] = profile;
        }

        state.Ips["198.51.100.23"] = new IpFailureProfile { Failures = [new FailedAttempt(Seen.AddDays(29), "user000001@contoso.com")] };
        return state;
    }

    public static string Json(BaselineState state) => JsonSerializer.Serialize(state, OutputJson.Options);
}
