using AiSoc.Core.Response;

namespace AiSoc.Integrations.Resilience;

/// <summary>
/// The Defender for Endpoint budget for machine action calls (isolate, release, restrict, scan, collect, quarantine,
/// cancel): 100 calls a minute and 1,500 an hour per tenant, as the machine action API reference states. Counts live
/// in <see cref="IActionRateCounter"/>, so every AiSoc instance that shares the counter store shares the budget.
/// </summary>
public sealed class DefenderRateBudget(IActionRateCounter counter, TimeProvider timeProvider)
{
    public const int PerMinute = 100;
    public const int PerHour = 1_500;
    private const string MinuteKind = "defender-machine-actions-minute";
    private const string HourKind = "defender-machine-actions-hour";

    /// <summary>
    /// Reserves one call. Returns null when reserved, or the reason and the time when the budget frees up.
    /// </summary>
    /// <remarks>NOTE: a call refused by the hourly budget has already used a slot of the minute budget. The minute
    /// budget is the stricter one in practice, so the lost slot only delays other calls within that minute.</remarks>
    public async Task<string?> TryReserveAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();

        var minute = BlastRadiusGate.WindowStart(now, TimeSpan.FromMinutes(1));
        if (!await BlastRadiusGate.TryReserveAsync(counter, MinuteKind, minute, PerMinute, cancellationToken).ConfigureAwait(false))
        {
            return $"The Defender machine action budget of {PerMinute} calls a minute is used up. Retry after {minute.AddMinutes(1):O}.";
        }

        var hour = BlastRadiusGate.WindowStart(now, TimeSpan.FromHours(1));
        if (!await BlastRadiusGate.TryReserveAsync(counter, HourKind, hour, PerHour, cancellationToken).ConfigureAwait(false))
        {
            return $"The Defender machine action budget of {PerHour} calls an hour is used up. Retry after {hour.AddHours(1):O}.";
        }

        return null;
    }
}
