using System.Text.Json;
using AiSoc.Core.Output;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Output;

public sealed class JsonLinesArrayWriterTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Write_Values_OneElementPerLineInValidArray()
    {
        var path = Path.Combine(_files.Root, "a.json");

        JsonLinesArrayWriter.Write(path, new[] { new { Id = "a" }, new { Id = "b" } });

        var lines = File.ReadAllLines(path);
        Assert.Equal(["[", "{\"id\":\"a\"},", "{\"id\":\"b\"}", "]"], lines);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(2, document.RootElement.GetArrayLength());
    }

    [Fact]
    public void Write_NoValues_EmptyArray()
    {
        var path = Path.Combine(_files.Root, "a.json");

        JsonLinesArrayWriter.Write(path, Array.Empty<object>());

        Assert.Equal("[]", File.ReadAllText(path).Trim());
    }
}
