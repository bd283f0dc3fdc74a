using System.Text;
using AiSoc.Core.Ingest;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Core.Tests.Ingest;

public sealed class InputReadersTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Read_Ndjson_SkipsBlankLinesAndNumbersLines()
    {
        var path = _files.Write("a.json", "{\"a\":1}\r\n\n{\"a\":2}\n   \n{\"a\":3}");

        var records = Records(path);

        Assert.Equal(3, records.Count);
        Assert.Equal([1L, 3L, 5L], records.Select(r => r.Ref.Line!.Value));
        Assert.Equal([0L, 1L, 2L], records.Select(r => r.Ref.Record));
        Assert.Equal("{\"a\":3}", Encoding.UTF8.GetString(records[2].Bytes.Span));
    }

    [Fact]
    public void Read_NdjsonWithBadLine_KeepsOtherLines()
    {
        var path = _files.Write("a.ndjson", "{\"a\":1}\n{\"a\":\n{\"a\":3}\n");

        var records = Records(path);

        Assert.Equal(3, records.Count);
        Assert.Equal("{\"a\":", Encoding.UTF8.GetString(records[1].Bytes.Span));
    }

    [Fact]
    public void Read_NdjsonLinesLongerThanBuffer_GrowsBuffer()
    {
        var longValue = new string('x', 300);
        var path = _files.Write("a.ndjson", string.Join('\n', Enumerable.Range(0, 50).Select(i => $"{{\"i\":{i},\"v\":\"{longValue}\"}}")));

        var records = NdjsonReader.Read(path, path, batchBytes: 256).SelectMany(b => b.Records).ToList();

        Assert.Equal(50, records.Count);
        Assert.Equal(50L, records[^1].Ref.Line);
        Assert.EndsWith("\"}", Encoding.UTF8.GetString(records[^1].Bytes.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NdjsonWithBom_FirstRecordHasNoBom()
    {
        var path = _files.WriteBytes("a.ndjson", [.. Encoding.UTF8.GetPreamble(), .. "{\"a\":1}\n{\"a\":2}\n"u8.ToArray()]);

        var records = Records(path);

        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(records[0].Bytes.Span));
    }

    [Fact]
    public void Read_JsonArraySpanningBuffers_StreamsEachElement()
    {
        var elements = Enumerable.Range(0, 200).Select(i => $"{{\n  \"i\": {i},\n  \"text\": \"{new string('y', i)}\"\n}}");
        var path = _files.Write("a.json", "[\n" + string.Join(",\n", elements) + "\n]\n");

        var records = JsonValuesReader.Read(path, path, bufferBytes: 128).SelectMany(b => b.Records).ToList();

        Assert.Equal(200, records.Count);
        Assert.Equal(2L, records[0].Ref.Line);
        Assert.Equal(6L, records[1].Ref.Line);
        Assert.All(records, r => Assert.Null(r.ReadError));
        Assert.StartsWith("{\n  \"i\": 199", Encoding.UTF8.GetString(records[^1].Bytes.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PrettyObject_IsOneRecord()
    {
        var path = _files.Write("a.json", "{\n  \"value\": [ {\"a\": 1}, {\"a\": 2} ]\n}\n");

        var records = Records(path);

        Assert.Single(records);
        Assert.Equal(1L, records[0].Ref.Line);
    }

    [Fact]
    public void Read_ConcatenatedPrettyObjects_AreSeparateRecords()
    {
        var path = _files.Write("a.json", "{\n \"a\": 1\n}\n{\n \"a\": 2\n}\n");

        var records = Records(path);

        Assert.Equal(2, records.Count);
        Assert.Equal(4L, records[1].Ref.Line);
    }

    [Fact]
    public void Read_ArrayWithInvalidElement_KeepsEarlierElementsAndReportsLine()
    {
        var path = _files.Write("a.json", "[\n{\"a\": 1},\n{\"a\": 2},\n{\"a\": ]\n");

        var records = Records(path);

        Assert.Equal(3, records.Count);
        Assert.Null(records[1].ReadError);
        Assert.Contains("invalid JSON near line 4", records[2].ReadError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Csv_HandlesQuotedMultilineFieldsAndSkipsIndexColumn()
    {
        var path = _files.Write("a.csv", ",Name,Entities\n0,first,\"[{\"\"Type\"\":\n\"\"ip\"\"}]\"\n1,second,\"\"\n");

        var records = Records(path);

        Assert.Equal(2, records.Count);
        Assert.Equal("{\"Name\":\"first\",\"Entities\":\"[{\\u0022Type\\u0022:\\n\\u0022ip\\u0022}]\"}", Encoding.UTF8.GetString(records[0].Bytes.Span));
        Assert.Equal(2L, records[0].Ref.Line);
        Assert.Equal(4L, records[1].Ref.Line);
    }

    [Fact]
    public void Read_CsvRowWithWrongFieldCount_IsReadError()
    {
        var path = _files.Write("a.csv", "A,B\n1,2\n1,2,3\n");

        var records = Records(path);

        Assert.Equal("CSV row has 3 fields but the header has 2", records[1].ReadError);
    }

    [Fact]
    public void Read_BinaryContent_IsOneReadError()
    {
        var path = _files.WriteBytes("a.bin", [0x00, 0x01, 0x02, 0x03]);

        var records = Records(path);

        Assert.Single(records);
        Assert.Contains("not JSON, NDJSON or CSV", records[0].ReadError, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_MissingPath_ThrowsFileNotFound()
    {
        var error = Assert.Throws<FileNotFoundException>(() => InputCatalog.Expand([Path.Combine(_files.Root, "missing")]));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expand_Folder_ReadsKnownExtensionsAndListsSkipped()
    {
        _files.Write("b.json", "{}");
        _files.Write("sub/a.ndjson", "{}");
        _files.Write("notes.md", "# notes");

        var catalog = InputCatalog.Expand([_files.Root]);

        Assert.Equal(2, catalog.Files.Count);
        Assert.Single(catalog.SkippedFiles);
        Assert.EndsWith("notes.md", catalog.SkippedFiles[0], StringComparison.Ordinal);
    }

    private static List<RawRecord> Records(string path) => InputReaders.Read(path).SelectMany(b => b.Records).ToList();
}
