using System.Text.RegularExpressions;

namespace AiSoc.Narratives.Rendering;

/// <summary>
/// Turns untrusted narrative text into one line of plain words before any format-specific escaping: HTML tags are
/// removed, Markdown links and images keep only their label, URLs are replaced by <see cref="LinkRemoved"/>, and
/// host names are defanged (<c>evil.com</c> becomes <c>evil[.]com</c>) so that no renderer turns them into links.
/// </summary>
public static partial class DisplayText
{
    /// <summary>The text that replaces a URL.</summary>
    public const string LinkRemoved = "(link removed)";

    /// <summary>Returns <paramref name="text"/> as one line with no link, URL, host name or HTML left in it.</summary>
    public static string Neutralize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = MarkdownLinkPattern().Replace(text, "$1");
        result = HtmlTagPattern().Replace(result, " ");
        result = UrlPattern().Replace(result, LinkRemoved);
        result = HostNamePattern().Replace(result, m => m.Value.Replace(".", "[.]", StringComparison.Ordinal));
        result = WhitespacePattern().Replace(result, " ");
        return result.Trim();
    }

    // [label](target) and ![label](target) with one level of parentheses in the target, and reference-style [label][ref].
    [GeneratedRegex(@"!?\[([^\]\r\n]*)\](?:\((?:[^()\r\n]|\([^()\r\n]*\))*\)|\[[^\]\r\n]*\])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkdownLinkPattern();

    // Tags, comments and autolinks such as <https://x>, <b>, </a>, <!-- -->.
    [GeneratedRegex(@"<[^<>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlTagPattern();

    // Any scheme://…, script-capable schemes, and www.… forms.
    [GeneratedRegex(@"\b(?:[a-z][a-z0-9+.\-]*://|(?:mailto|javascript|vbscript|data|file|tel|sms):|www\.)[^\s<>""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UrlPattern();

    // A dotted name ending in a common top-level domain, which chat clients and mail readers turn into links.
    [GeneratedRegex(@"\b(?:[a-z0-9\-]+\.)+(?:com|net|org|info|biz|io|co|me|ru|cn|xyz|top|online|site|app|dev|ly|tk|zip|mov|uk|de|us|eu|cc|ws)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HostNamePattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WhitespacePattern();
}
