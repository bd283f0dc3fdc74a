using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Core.Tests.Parsing;

public class JsonFieldsTests
{
    [Theory]
    [InlineData("{\"v\":[1,2,3]}", 3)]
    [InlineData("{\"v\":\"[1,2]\"}", 0)]
    [InlineData("{\"v\":null}", 0)]
    [InlineData("{}", 0)]
    public void Items_Value_EnumeratesOnlyArrays(string json, int expected)
    {
        using var document = JsonDocument.Parse(json);
        var count = 0;

        foreach (var _ in JsonFields.Items(document.RootElement.Get("v")))
        {
            count++;
        }

        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData("{\"v\":\"null\"}")]
    [InlineData("{\"v\":\"  \"}")]
    [InlineData("{\"v\":null}")]
    [InlineData("{}")]
    public void Str_MissingOrNullText_ReturnsNull(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(document.RootElement.Str("v"));
    }

    [Fact]
    public void Str_FlattenedPath_ReadsDottedKey()
    {
        using var document = JsonDocument.Parse("{\"properties.title\":\"x\"}");

        Assert.Equal("x", document.RootElement.Str("properties", "title"));
    }
}
