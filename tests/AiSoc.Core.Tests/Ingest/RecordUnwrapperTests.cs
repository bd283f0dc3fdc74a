using System.Text.Json;
using AiSoc.Core.Ingest;

namespace AiSoc.Core.Tests.Ingest;

public class RecordUnwrapperTests
{
    [Theory]
    [InlineData("{\"@odata.context\":\"x\",\"value\":[{\"a\":1},{\"a\":2}]}", 2)]
    [InlineData("{\"value\":[],\"@odata.nextLink\":\"x\"}", 0)]
    [InlineData("{\"records\":[{\"a\":1}]}", 1)]
    [InlineData("{\"entities\":[{\"a\":1}],\"metaData\":[]}", 1)]
    [InlineData("{\"parameters\":{},\"responses\":{\"200\":{\"body\":{\"value\":[{\"a\":1},{\"a\":2},{\"a\":3}]}}}}", 3)]
    [InlineData("{\"parameters\":{},\"responses\":{\"200\":{\"body\":{\"id\":\"x\"}}}}", 1)]
    public void TryUnwrap_Container_ReturnsItems(string json, int expectedCount)
    {
        using var document = JsonDocument.Parse(json);

        var items = RecordUnwrapper.TryUnwrap(document.RootElement);

        Assert.NotNull(items);
        Assert.Equal(expectedCount, items.Count);
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"value\":[1]}")]
    [InlineData("{\"title\":\"x\"}")]
    [InlineData("\"text\"")]
    public void TryUnwrap_Record_ReturnsNull(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(RecordUnwrapper.TryUnwrap(document.RootElement));
    }
}
