namespace AiSoc.Core.Scoring;

/// <summary>Text helpers for matching provider enum values and for writing reasons.</summary>
internal static class TextKey
{
    private const int MaxShownLength = 64;

    /// <summary>
    /// Returns the ASCII letters and digits of <paramref name="text"/> in lower case, so "True Positive",
    /// "truePositive" and "true_positive" compare equal.
    /// </summary>
    public static string Letters(string text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>
    /// Prepares an identifier for a reason: control characters become spaces and values longer than 64 characters
    /// are clipped, because identifiers can come from attacker-influenced fields.
    /// </summary>
    public static string Shown(string value)
    {
        var clean = string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();

        return clean.Length <= MaxShownLength ? clean : clean[..MaxShownLength] + "...";
    }

    /// <summary>Formats points with an explicit sign, such as "+15" or "-20".</summary>
    public static string Points(int points) => points.ToString("+0;-0;+0", System.Globalization.CultureInfo.InvariantCulture);
}
