using System.Globalization;
using System.Net.Http.Headers;

namespace AiSoc.Integrations.Resilience;

/// <summary>
/// Reads the <c>Retry-After</c> header in each form servers send: whole seconds (<c>120</c>), decimal seconds
/// (<c>0.5</c>, not in RFC 9110 but sent by some services) and an HTTP-date. The wait is rounded up to whole seconds
/// and is at least one second, so a retry never comes before the server's time.
/// </summary>
public static class RetryAfter
{
    private static readonly TimeSpan Minimum = TimeSpan.FromSeconds(1);

    /// <summary>Returns the wait that <paramref name="response"/> requests, or null when it has no valid <c>Retry-After</c>.</summary>
    public static TimeSpan? Of(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);

        // HttpHeaders parses only whole seconds and dates, so the raw text is read to catch decimals too.
        return response.Headers.TryGetValues("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;
    }

    /// <summary>Returns the wait that the header value <paramref name="value"/> requests, or null when it is missing or invalid.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return RoundUp(TimeSpan.FromSeconds((double)seconds));
        }

        if (RetryConditionHeaderValue.TryParse(text, out var parsed) && parsed.Date is { } date)
        {
            return RoundUp(date - now);
        }

        return null;
    }

    private static TimeSpan RoundUp(TimeSpan wait)
    {
        var seconds = Math.Ceiling(wait.TotalSeconds);
        var rounded = TimeSpan.FromSeconds(seconds);
        return rounded < Minimum ? Minimum : rounded;
    }
}
