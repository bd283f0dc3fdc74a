using AiSoc.Core.Output;

namespace AiSoc.Narratives.Rendering;

/// <summary>
/// Escapes text for an Adaptive Card <c>TextBlock</c>, which renders a Markdown subset (bold, italic, bullet and
/// numbered lists, links). Every character that can start inline markup is backslash-escaped, and so is a list or
/// heading marker at the start of the text. <c>{</c> and <c>$</c> are escaped too, so neither the card's DATE and TIME
/// functions nor Adaptive Card templating expressions can be formed.
/// </summary>
public static class AdaptiveCardText
{
    private const string Special = "\\`*_[]()<>|~{}$!";

    /// <summary>Returns <paramref name="text"/> escaped for a TextBlock, at most <paramref name="maxLength"/> characters before escaping.</summary>
    public static string Escape(string? text, int maxLength = 2000)
    {
        var escaped = MarkdownText.Escape(text, maxLength, Special);

        // NOTE: CommonMark honours these backslash escapes. A host that does not shows the backslashes as text,
        // which stays readable and still renders no markup.
        return LeadingMarker.Escape(escaped);
    }
}
