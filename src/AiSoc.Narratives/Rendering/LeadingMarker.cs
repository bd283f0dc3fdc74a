namespace AiSoc.Narratives.Rendering;

/// <summary>
/// Escapes a Markdown block marker at the start of a line, such as <c>- </c>, <c>+ </c>, <c># </c> or <c>1. </c>,
/// which would otherwise start a list or a heading, also inside a list item.
/// </summary>
internal static class LeadingMarker
{
    public static string Escape(string text)
    {
        var start = 0;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        if (start == text.Length)
        {
            return text;
        }

        var first = text[start];
        if (first is '-' or '+' or '#' or '=')
        {
            return text[..start] + "\\" + text[start..];
        }

        var digitsEnd = start;
        while (digitsEnd < text.Length && char.IsAsciiDigit(text[digitsEnd]))
        {
            digitsEnd++;
        }

        if (digitsEnd > start && digitsEnd < text.Length && text[digitsEnd] is '.' or ')')
        {
            return text[..digitsEnd] + "\\" + text[digitsEnd..];
        }

        return text;
    }
}
