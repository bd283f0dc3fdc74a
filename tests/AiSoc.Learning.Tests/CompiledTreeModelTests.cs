using AiSoc.Core.Tests.Support;
using AiSoc.Learning.Features;
using AiSoc.Learning.Model;
using AiSoc.Learning.Tests.Support;

namespace AiSoc.Learning.Tests;

public class CompiledTreeModelTests
{
    [Fact]
    public void PredictBatch_TrainedModel_MatchesMlNet()
    {
        var model = GuideSample.Model;

        AssertMatchesMlNet(model);
    }

    [Fact]
    public void PredictBatch_ReloadedModel_MatchesMlNet()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "model.zip");
        TriageModelStore.Save(GuideSample.Model, path);

        var reloaded = TriageModelStore.Load(path);

        AssertMatchesMlNet(reloaded);
    }

    private static void AssertMatchesMlNet(TriageModel model)
    {
        var history = new VerdictHistory(IncidentOutcome.FromAlerts(GuideSample.Alerts), GuideSample.FastTraining.HistoryMargin);
        var vectors = GuideSample.Alerts.Take(500).Select(alert => model.Features.Build(alert, history)).ToArray();

        var compiled = model.PredictBatch(vectors);
        var reference = model.PredictBatchWithMlNet(vectors);

        Assert.True(model.IsCompiled, "The model was not compiled, so the comparison would test ML.NET against itself.");
        for (var i = 0; i < vectors.Length; i++)
        {
            Assert.Equal(reference[i].TruePositive, compiled[i].TruePositive, 5);
            Assert.Equal(reference[i].BenignPositive, compiled[i].BenignPositive, 5);
            Assert.Equal(reference[i].FalsePositive, compiled[i].FalsePositive, 5);
        }
    }
}
