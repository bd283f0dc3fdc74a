using AiSoc.Core.Tests.Support;
using AiSoc.Learning.Data;
using AiSoc.Learning.Features;
using AiSoc.Learning.Model;

namespace AiSoc.Learning.Tests.Support;

/// <summary>The public GUIDE evidence sample, loaded once, and a small model trained on it once.</summary>
internal static class GuideSample
{
    public const string RelativePath = "guide/GUIDE_Test.sample.part.csv";

    /// <summary>Few trees keep training fast; the tests check behaviour, not accuracy.</summary>
    public static readonly TrainingOptions FastTraining = new() { NumberOfTrees = 10, NumberOfLeaves = 8 };

    private static readonly Lazy<IReadOnlyList<TriageAlert>> LazyAlerts = new(() => LabelledDataLoader.LoadGuide([Path]));

    private static readonly Lazy<TriageModel> LazyModel = new(() =>
    {
        var history = new VerdictHistory(IncidentOutcome.FromAlerts(Alerts), FastTraining.HistoryMargin);
        return new TriageModelTrainer(FastTraining, TimeProvider.System).Train(Alerts, history);
    });

    public static string Path => SharedData.PathOf(RelativePath);

    public static IReadOnlyList<TriageAlert> Alerts => LazyAlerts.Value;

    public static TriageModel Model => LazyModel.Value;
}
