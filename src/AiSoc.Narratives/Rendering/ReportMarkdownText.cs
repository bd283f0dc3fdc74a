using AiSoc.Core.Output;

namespace AiSoc.Narratives.Rendering;

/// <summary>
/// Escapes text for a Markdown case report with <see cref="MarkdownText.Escape"/> and also neutralizes the
/// characters it leaves alone that can still form markup: HTML entities, strikethrough, headings, list markers and
/// link targets.
/// </summary>
internal static class ReportMarkdownText
{
    public static string Escape(string? text, int maxLength)
    {
        var escaped = MarkdownText.Escape(text, maxLength);
        escaped = escaped
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("~", "\\~", StringComparison.Ordinal)
            .Replace("#", "\\#", StringComparison.Ordinal)
            .Replace("!", "\\!", StringComparison.Ordinal)
            .Replace("(", "\\(", StringComparison.Ordinal)
            .Replace(")", "\\)", StringComparison.Ordinal);
        return LeadingMarker.Escape(escaped);
    }
}
