using System.Globalization;

namespace AiSoc.Storage;

// Table keys may not contain '/', '\', '#', '?' or control characters, so ids from outside are checked or escaped.
internal static class TableKeys
{
    /// <summary>Returns <paramref name="value"/> when it is a valid key, else throws naming the parameter.</summary>
    public static string Require(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value.Length > 512 || value.Any(IsForbidden))
        {
            throw new ArgumentException($"Invalid table key '{value}': expected at most 512 characters without '/', '\\', '#', '?' or control characters.", parameterName);
        }

        return value;
    }

    /// <summary>Replaces every character a key may not contain with '_', for values such as event hub names.</summary>
    public static string Escape(string value) =>
        string.Concat(value.Select(c => IsForbidden(c) ? '_' : c));

    /// <summary>Formats a UTC time so that keys sort in time order.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Formats a sequence number with leading zeros so that keys sort in numeric order.</summary>
    public static string Sequence(long sequence) =>
        sequence.ToString("D19", CultureInfo.InvariantCulture);

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);
}
