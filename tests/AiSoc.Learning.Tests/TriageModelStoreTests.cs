using AiSoc.Core.Tests.Support;
using AiSoc.Learning.Features;
using AiSoc.Learning.Model;
using AiSoc.Learning.Tests.Support;

namespace AiSoc.Learning.Tests;

public class TriageModelStoreTests
{
    [Fact]
    public void SaveLoad_TrainedModel_SamePredictions()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "model.zip");
        var model = GuideSample.Model;
        var history = new VerdictHistory(IncidentOutcome.FromAlerts(GuideSample.Alerts), TimeSpan.FromDays(7));
        var vectors = GuideSample.Alerts.Take(200).Select(alert => model.Features.Build(alert, history)).ToArray();

        TriageModelStore.Save(model, path);
        var loaded = TriageModelStore.Load(path);

        var expected = model.PredictBatch(vectors);
        var actual = loaded.PredictBatch(vectors);
        Assert.Equal(expected.Select(p => p.TruePositive), actual.Select(p => p.TruePositive));
        Assert.Equal(expected.Select(p => p.Predicted), actual.Select(p => p.Predicted));
    }

    [Fact]
    public void SaveLoad_TrainedModel_KeepsManifest()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "model.zip");

        TriageModelStore.Save(GuideSample.Model, path);
        var loaded = TriageModelStore.Load(path);

        Assert.Equal(["TruePositive", "BenignPositive", "FalsePositive"], loaded.Manifest.ClassNames);
        Assert.Equal(GuideSample.Model.Manifest.FeatureNames, loaded.Manifest.FeatureNames);
        Assert.Equal(GuideSample.Model.Manifest.Thresholds, loaded.Manifest.Thresholds);
        Assert.Equal(GuideSample.Model.Manifest.TrainedAt, loaded.Manifest.TrainedAt);
    }

    [Fact]
    public void SaveLoad_ReloadedModel_StillExplains()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "model.zip");
        TriageModelStore.Save(GuideSample.Model, path);
        var loaded = TriageModelStore.Load(path);
        var history = new VerdictHistory(IncidentOutcome.FromAlerts(GuideSample.Alerts), TimeSpan.FromDays(7));

        var (_, reasons) = loaded.PredictWithReasons(loaded.Features.Build(GuideSample.Alerts[100], history));

        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Matches(" (raised|lowered) (TruePositive|BenignPositive|FalsePositive)$", reason));
    }

    [Fact]
    public void Load_MissingFile_ErrorNamesFile()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "absent.zip");

        var exception = Assert.Throws<ModelLoadException>(() => TriageModelStore.Load(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("not found", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptFile_ErrorNamesFile()
    {
        using var files = new TempFiles();
        var path = files.Write("corrupt.zip", "this is not a zip archive");

        var exception = Assert.Throws<ModelLoadException>(() => TriageModelStore.Load(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid AiSoc triage model", exception.Message, StringComparison.Ordinal);
    }
}
