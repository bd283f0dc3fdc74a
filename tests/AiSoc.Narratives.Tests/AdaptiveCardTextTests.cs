using AiSoc.Narratives.Rendering;

namespace AiSoc.Narratives.Tests;

public sealed class AdaptiveCardTextTests
{
    [Theory]
    [InlineData("**bold** and _italic_", "\\*\\*bold\\*\\* and \\_italic\\_")]
    [InlineData("[x](y)", "\\[x\\]\\(y\\)")]
    [InlineData("- item", "\\- item")]
    [InlineData("12. item", "12\\. item")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("{{DATE(2026-01-01T00:00:00Z)}} ${secret}", "\\{\\{DATE\\(2026-01-01T00:00:00Z\\)\\}\\} \\$\\{secret\\}")]
    [InlineData("plain words, no markup.", "plain words, no markup.")]
    public void Escape_Markup_ReturnsLiteralText(string input, string expected)
    {
        var result = AdaptiveCardText.Escape(input);

        Assert.Equal(expected, result);
    }

    [Fact]
    public void Escape_LongText_IsClipped()
    {
        var result = AdaptiveCardText.Escape(new string('a', 50), maxLength: 10);

        Assert.Equal(new string('a', 10) + "…", result);
    }
}
