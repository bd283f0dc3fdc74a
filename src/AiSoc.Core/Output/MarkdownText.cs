using System.Text;

namespace AiSoc.Core.Output;

/// <summary>
/// Escapes text for Markdown reports. Alert titles, entity names and reasons can carry attacker-controlled text,
/// so every value is escaped and clipped before it reaches a table cell or a heading.
/// </summary>
public static class MarkdownText
{
    private const string Special = "\\`*_[]<>|";

    /// <summary>Returns <paramref name="text"/> as one line of literal Markdown, at most <paramref name="maxLength"/> characters before escaping.</summary>
    public static string Escape(string? text, int maxLength = 160) => Escape(text, maxLength, Special);

    /// <summary>
    /// Returns <paramref name="text"/> on one line, clipped to <paramref name="maxLength"/> characters, with control
    /// characters replaced by spaces and every character of <paramref name="specialCharacters"/> backslash-escaped.
    /// Renderers with a larger Markdown subset, such as Adaptive Cards, pass their own set.
    /// </summary>
    public static string Escape(string? text, int maxLength, string specialCharacters)
    {
        ArgumentNullException.ThrowIfNull(specialCharacters);

        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clipped = text.Length > maxLength ? text[..maxLength] + "…" : text;
        var builder = new StringBuilder(clipped.Length + 8);
        foreach (var c in clipped)
        {
            if (char.IsControl(c))
            {
                builder.Append(' ');
            }
            else if (specialCharacters.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
