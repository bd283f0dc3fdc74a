using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>
/// Measures how many alerts carry each key within one correlation window. Counting per window, not per batch,
/// keeps the result independent of how much history is correlated at once. So a user in one alert a day for a
/// year is not prevalent, but a NAT IP in hundreds of alerts on one day is.
/// </summary>
internal static class KeyPrevalence
{
    /// <summary>
    /// Returns, per key, the maximum number of alerts carrying it whose activity times lie closer together than
    /// <paramref name="window"/>. Keys in at most <paramref name="limit"/> alerts overall are not measured and get
    /// their overall count, which cannot exceed the limit either. Alerts must be in time order.
    /// </summary>
    public static int[] MaxAlertsInWindow(KeyIndex index, NormalizedAlert[] alerts, TimeSpan window, int limit)
    {
        var result = new int[index.KeyCount];
        var starts = new int[index.KeyCount + 1];
        for (var key = 0; key < index.KeyCount; key++)
        {
            result[key] = index.AlertCount(key);
            starts[key + 1] = starts[key] + (result[key] > limit ? result[key] : 0);
        }

        var occurrences = new int[starts[^1]];
        if (occurrences.Length == 0)
        {
            return result;
        }

        var next = starts[..^1];
        var lastAlert = new int[index.KeyCount];
        Array.Fill(lastAlert, -1);
        for (var a = 0; a < alerts.Length; a++)
        {
            var (first, end) = index.EntitiesOf(a);
            for (var entity = first; entity < end; entity++)
            {
                foreach (var key in index.KeysOf(entity))
                {
                    if (result[key] > limit && lastAlert[key] != a)
                    {
                        lastAlert[key] = a;
                        occurrences[next[key]++] = a;
                    }
                }
            }
        }

        var ticks = new long[alerts.Length];
        for (var a = 0; a < alerts.Length; a++)
        {
            ticks[a] = alerts[a].ActivityTime.UtcTicks;
        }

        for (var key = 0; key < index.KeyCount; key++)
        {
            if (result[key] > limit)
            {
                result[key] = MaxInWindow(occurrences.AsSpan(starts[key], starts[key + 1] - starts[key]), ticks, window.Ticks);
            }
        }

        return result;
    }

    private static int MaxInWindow(ReadOnlySpan<int> alertIndexes, long[] ticks, long window)
    {
        var max = 0;
        var start = 0;
        for (var i = 0; i < alertIndexes.Length; i++)
        {
            var time = ticks[alertIndexes[i]];
            while (time - ticks[alertIndexes[start]] >= window)
            {
                start++;
            }

            max = Math.Max(max, i - start + 1);
        }

        return max;
    }
}
