using System.Text.Json;
using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;
using AiSoc.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AiSoc.Core.Tests.Ingest;

public sealed class AlertIngestorTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Ingest_MixedRecords_CountsAddUp()
    {
        var path = _files.Write("mixed.ndjson", string.Join('\n',
            Alert("a1", "2024-01-01T00:00:00Z"),
            "{\"error\":{\"code\":\"BadRequest\",\"message\":\"bad\"}}",
            "{not json",
            Alert("a2", "2024-01-01T01:00:00Z"),
            "{\"test\":true,\"id\":\"a3\",\"title\":\"x\",\"created\":\"yesterday\"}"));

        var result = Ingest(path);

        Assert.Equal(5, result.RecordsRead);
        Assert.Equal(2, result.RecordsNormalized);
        Assert.Equal(3, result.Rejects.Count);
        Assert.Equal(2, result.Alerts.Count);
    }

    [Fact]
    public void Ingest_RejectedRecords_NameFileLineAndField()
    {
        var path = _files.Write("bad.ndjson", Alert("a1", "2024-01-01T00:00:00Z") + "\n{\"test\":true,\"id\":\"a3\",\"title\":\"x\",\"created\":\"yesterday\"}");

        var reject = Assert.Single(Ingest(path).Rejects);

        Assert.Equal(path, reject.File);
        Assert.Equal(1, reject.Record);
        Assert.Equal(2, reject.Line);
        Assert.StartsWith("field 'created': invalid timestamp 'yesterday'", reject.Reason, StringComparison.Ordinal);
        Assert.Equal("test", reject.Format);
    }

    [Fact]
    public void Ingest_SameAlertTwice_NewerVersionWins()
    {
        var path = _files.Write("dupes.ndjson", string.Join('\n',
            Alert("a1", "2024-01-01T00:00:00Z", title: "new", updated: "2024-01-02T00:00:00Z"),
            Alert("a1", "2024-01-01T00:00:00Z", title: "old", updated: "2024-01-01T00:00:00Z")));

        var result = Ingest(path);

        var alert = Assert.Single(result.Alerts);
        Assert.Equal("new", alert.Title);
        Assert.Equal(1, result.DuplicatesMerged);
        Assert.Equal(2, result.RecordsNormalized);
    }

    [Fact]
    public void Ingest_ListResponse_EachItemIsARecord()
    {
        var path = _files.Write("list.json", "{\"value\":[" + Alert("a1", "2024-01-01T00:00:00Z") + ",{\"other\":1}]}");

        var result = Ingest(path);

        Assert.Equal(2, result.RecordsRead);
        Assert.Equal(1, Assert.Single(result.Rejects).Item);
    }

    [Fact]
    public void Ingest_ManyRecordsOnSeveralWorkers_LosesNothing()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => i % 10 == 0 ? "{\"x\":1}" : Alert("a" + i, "2024-01-01T00:00:00Z"));
        var path = _files.Write("many.ndjson", string.Join('\n', lines));

        var result = new AlertIngestor(Registry(), NullLogger<AlertIngestor>.Instance) { Workers = 4 }.Ingest(InputCatalog.Expand([path]));

        Assert.Equal(5000, result.RecordsRead);
        Assert.Equal(4500, result.Alerts.Count);
        Assert.Equal(500, result.Rejects.Count);
    }

    private static IngestResult Ingest(string path) =>
        new AlertIngestor(Registry(), NullLogger<AlertIngestor>.Instance) { Workers = 2 }.Ingest(InputCatalog.Expand([path]));

    private static string Alert(string id, string created, string title = "t", string? updated = null) =>
        JsonSerializer.Serialize(new { test = true, id, title, created, updated });

    private static NormalizerRegistry Registry()
    {
        var normalizer = new Mock<IRecordNormalizer>();
        normalizer.SetupGet(n => n.Format).Returns("test");
        normalizer.Setup(n => n.CanNormalize(It.IsAny<JsonElement>()))
            .Returns((JsonElement e) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("test", out _));
        normalizer.Setup(n => n.Normalize(It.IsAny<JsonElement>(), It.IsAny<RawRecordRef>()))
            .Returns((JsonElement e, RawRecordRef raw) => NormalizationResult.ForAlert(Build(e, raw)));
        return new NormalizerRegistry([normalizer.Object]);
    }

    private static NormalizedAlert Build(JsonElement e, RawRecordRef raw)
    {
        var draft = new AlertDraft(SourceProduct.ThirdParty, raw)
        {
            ProviderAlertId = e.GetProperty("id").GetString(),
            Title = e.GetProperty("title").GetString(),
            CreatedAt = AlertDraft.Time(e.GetProperty("created").GetString(), "created"),
            LastUpdatedAt = AlertDraft.Time(e.TryGetProperty("updated", out var u) ? u.GetString() : null, "updated"),
        };
        return draft.Build("id", "title", "created");
    }
}
