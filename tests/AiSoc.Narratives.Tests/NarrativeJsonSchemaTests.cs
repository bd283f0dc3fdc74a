using AiSoc.Narratives.Tests.Support;

namespace AiSoc.Narratives.Tests;

public sealed class NarrativeJsonSchemaTests
{
    [Fact]
    public void Validate_ValidAnswer_ReturnsNull()
    {
        var answer = CannedReplies.Parse(CannedReplies.ValidAnswerJson());

        var errors = NarrativeJsonSchema.Validate(answer);

        Assert.Null(errors);
    }

    [Fact]
    public void Validate_TooLongSummary_NamesSummary()
    {
        var answer = CannedReplies.Parse(CannedReplies.ValidAnswerJson(new string('a', 2001)));

        var errors = NarrativeJsonSchema.Validate(answer);

        Assert.Contains("/summary", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelSchema_HasNoLengthLimits()
    {
        var text = NarrativeJsonSchema.ModelSchema.GetRawText();

        Assert.DoesNotContain("maxLength", text, StringComparison.Ordinal);
        Assert.DoesNotContain("maxItems", text, StringComparison.Ordinal);
        Assert.Contains("\"additionalProperties\":false", text, StringComparison.Ordinal);
    }
}
