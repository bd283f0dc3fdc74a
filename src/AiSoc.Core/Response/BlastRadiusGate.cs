namespace AiSoc.Core.Response;

/// <summary>Reserves one slot of a blast-radius limit through compare-and-swap on an <see cref="IActionRateCounter"/>.</summary>
public static class BlastRadiusGate
{
    /// <summary>Returns the start of the fixed window that contains <paramref name="now"/>, counted from the Unix epoch.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset now, TimeSpan window)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (ticks % window.Ticks));
    }

    /// <summary>
    /// Adds one to the counter of <paramref name="kind"/> unless it already reached <paramref name="limit"/>.
    /// Returns true when a slot was reserved. A failed compare-and-swap means another writer added one, so the
    /// loop ends after at most <paramref name="limit"/> conflicts.
    /// </summary>
    public static async Task<bool> TryReserveAsync(IActionRateCounter counter, string kind, DateTimeOffset windowStart, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(counter);

        var current = await counter.GetAsync(kind, windowStart, cancellationToken).ConfigureAwait(false);
        while (current.Count < limit)
        {
            var result = await counter.TryIncrementAsync(kind, windowStart, current.ETag, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return true;
            }

            current = result.Current;
        }

        return false;
    }
}
