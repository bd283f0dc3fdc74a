namespace AiSoc.Core.Baselines;

/// <summary>Thresholds of the behavioral baselines. Defaults are starting points to tune per tenant, not measured optima.</summary>
public sealed record BaselineOptions
{
    /// <summary>Warm-up of per-user sign-in baselines (new country, ASN, device, client app and unusual hour).</summary>
    public WarmUp SignInWarmUp { get; init; } = new(10, 7);

    /// <summary>Warm-up of per-account Windows logon baselines.</summary>
    public WarmUp LogonWarmUp { get; init; } = new(10, 7);

    /// <summary>Warm-up of per-host process baselines; hosts start far more processes than users sign in.</summary>
    public WarmUp ProcessWarmUp { get; init; } = new(200, 7);

    /// <summary>Travel speed in km/h above which two sign-ins are impossible travel; 900 km/h is about airliner cruise speed.</summary>
    public double ImpossibleTravelSpeedKmh { get; init; } = 900;

    /// <summary>Distance in km below which two sign-ins never count as travel, because IP geolocation errs by up to hundreds of km.</summary>
    public double ImpossibleTravelMinDistanceKm { get; init; } = 500;

    /// <summary>Successful sign-ins a user needs before the hour histogram can call an hour unusual.</summary>
    public int UnusualHourMinSignIns { get; init; } = 20;

    /// <summary>An hour is unusual when at most this share of the user's earlier sign-ins fell within one hour of it (UTC).</summary>
    public double UnusualHourMaxShare { get; init; } = 0.02;

    /// <summary>Failed sign-ins within <see cref="FailureBurstWindow"/> before a success that make a failure burst.</summary>
    public int FailureBurstMinFailures { get; init; } = 5;

    public TimeSpan FailureBurstWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Distinct accounts failing from one IP within <see cref="PasswordSprayWindow"/> that make a password spray.</summary>
    public int PasswordSprayMinAccounts { get; init; } = 10;

    public TimeSpan PasswordSprayWindow { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A logon type is rare for an account when at most this share of its earlier logons had it.</summary>
    public double RareLogonTypeMaxShare { get; init; } = 0.02;

    /// <summary>A parent–child pair is rare on a host when at most this share of its earlier processes had it.</summary>
    public double RareProcessPairMaxShare { get; init; } = 0.001;

    /// <summary>Returns the problems with these options, one message each; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        CheckWarmUp(problems, nameof(SignInWarmUp), SignInWarmUp);
        CheckWarmUp(problems, nameof(LogonWarmUp), LogonWarmUp);
        CheckWarmUp(problems, nameof(ProcessWarmUp), ProcessWarmUp);
        CheckPositive(problems, nameof(ImpossibleTravelSpeedKmh), ImpossibleTravelSpeedKmh);
        CheckNotNegative(problems, nameof(ImpossibleTravelMinDistanceKm), ImpossibleTravelMinDistanceKm);
        CheckPositive(problems, nameof(UnusualHourMinSignIns), UnusualHourMinSignIns);
        CheckShare(problems, nameof(UnusualHourMaxShare), UnusualHourMaxShare);
        CheckPositive(problems, nameof(FailureBurstMinFailures), FailureBurstMinFailures);
        CheckPositive(problems, nameof(FailureBurstWindow), FailureBurstWindow.TotalSeconds);
        CheckPositive(problems, nameof(PasswordSprayMinAccounts), PasswordSprayMinAccounts);
        CheckPositive(problems, nameof(PasswordSprayWindow), PasswordSprayWindow.TotalSeconds);
        CheckShare(problems, nameof(RareLogonTypeMaxShare), RareLogonTypeMaxShare);
        CheckShare(problems, nameof(RareProcessPairMaxShare), RareProcessPairMaxShare);
        return problems;
    }

    private static void CheckWarmUp(List<string> problems, string name, WarmUp? warmUp)
    {
        if (warmUp is null)
        {
            problems.Add($"{name} is missing.");
            return;
        }

        CheckNotNegative(problems, name + ".Observations", warmUp.Observations);
        CheckNotNegative(problems, name + ".Days", warmUp.Days);
    }

    private static void CheckPositive(List<string> problems, string name, double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            problems.Add($"{name} is {value}; expected a number greater than 0.");
        }
    }

    private static void CheckNotNegative(List<string> problems, string name, double value)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            problems.Add($"{name} is {value}; expected 0 or more.");
        }
    }

    private static void CheckShare(List<string> problems, string name, double value)
    {
        if (!(value is >= 0 and < 1))
        {
            problems.Add($"{name} is {value}; expected a share from 0 up to, but not including, 1.");
        }
    }
}
