using AiSoc.Core.Output;

namespace AiSoc.Core.Tests.Output;

public class MarkdownTextTests
{
    [Fact]
    public void Escape_LinkAndTable_EscapesMarkup()
    {
        Assert.Equal("\\[click\\](x) a \\| b", MarkdownText.Escape("[click](x) a | b"));
    }

    [Fact]
    public void Escape_ControlCharacters_BecomeSpaces()
    {
        Assert.Equal("a b", MarkdownText.Escape("a\nb"));
    }

    [Fact]
    public void Escape_LongText_IsClipped()
    {
        Assert.Equal("abc…", MarkdownText.Escape("abcdef", maxLength: 3));
    }

    [Fact]
    public void Escape_CustomCharacterSet_EscapesOnlyThose()
    {
        Assert.Equal("\\$ \\{x} [y]", MarkdownText.Escape("$ {x} [y]", 100, "${"));
    }
}
