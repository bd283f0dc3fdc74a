using System.Text;
using System.Text.RegularExpressions;

namespace AiSoc.Approvals;

/// <summary>
/// Makes alert-provided text safe for an Adaptive Card TextBlock, whose text supports a Markdown subset with links
/// (adaptivecards.io TextBlock schema). Some hosts may also link bare URLs.
/// Control characters become spaces, angle brackets become single guillemets so no HTML tag survives, URL
/// schemes and host names are defanged (<c>hxxps</c>, <c>[.]</c>), and Markdown punctuation is escaped, so
/// the text never renders as a link.
/// </summary>
public static partial class CardText
{
    private const string MarkdownSpecial = "\\`*_[]()#!|~";

    public static string Plain(string? text, int maxLength = 200)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clipped = text.Length > maxLength ? text[..maxLength] + "…" : text;
        var defanged = HostName().Replace(Scheme().Replace(clipped, match => "hxx" + match.Value[3..]), match => match.Value.Replace(".", "\u0001", StringComparison.Ordinal));

        var builder = new StringBuilder(defanged.Length + 16);
        foreach (var c in defanged)
        {
            if (c == '\u0001')
            {
                builder.Append("\\[.\\]");
            }
            else if (c is '<' or '>')
            {
                builder.Append(c == '<' ? '‹' : '›');
            }
            else if (char.IsControl(c))
            {
                builder.Append(' ');
            }
            else if (MarkdownSpecial.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Replace("://", ":\\/\\/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?i)\b(http|ftp)s?(?=:)")]
    private static partial Regex Scheme();

    // Word.word sequences ending in a letter label, such as evil.example.com or www.contoso.net.
    [GeneratedRegex(@"(?i)\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b")]
    private static partial Regex HostName();
}
