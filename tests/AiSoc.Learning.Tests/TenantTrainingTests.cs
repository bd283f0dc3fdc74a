using AiSoc.Cli;
using AiSoc.Cli.Tests;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;
using AiSoc.Core.Tests.Support;
using AiSoc.Learning.Model;
using AiSoc.Learning.Scoring;
using AiSoc.Learning.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Learning.Tests;

public class TenantTrainingTests
{
    [Fact]
    public void Train_TenantExport_WritesLoadableModel()
    {
        using var files = new TempFiles();
        var model = Path.Combine(files.Root, "tenant-model.zip");

        var (exitCode, output, error) = CliRunner.Run("train", TenantSample.Folder, "--out", model, "--trees", "10");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains($"Tenant export: {TenantSample.HumanLabelledAlerts} alerts", output, StringComparison.Ordinal);
        var loaded = TriageModelStore.Load(model);
        Assert.Equal(TenantSample.HumanLabelledAlerts, loaded.Manifest.TrainingAlerts);
        Assert.Contains("Anomaly score", loaded.Manifest.FeatureNames);
    }

    [Fact]
    public void Train_TenantExport_ModelScoresTenantAlert()
    {
        using var files = new TempFiles();
        var model = Path.Combine(files.Root, "tenant-model.zip");
        CliRunner.Run("train", TenantSample.Folder, "--out", model, "--trees", "10");
        var rules = new RuleBasedScorer(new ScoringOptions());

        var scorer = LearnedAlertScorer.LoadOrFallBack(model, rules, NullLogger.Instance);
        var assessment = scorer.Assess(TenantAlert(), AlertContext.None);

        Assert.True(scorer.UsesModel);
        Assert.StartsWith("Learned model:", assessment.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Train_FolderWithoutVerdicts_ExitsWithInputError()
    {
        using var files = new TempFiles();
        var empty = files.Write("exports/none.json", """{"value": []}""");
        var model = Path.Combine(files.Root, "model.zip");

        var (exitCode, _, error) = CliRunner.Run("train", Path.GetDirectoryName(empty)!, "--out", model);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("No labelled alerts", error, StringComparison.Ordinal);
    }

    private static NormalizedAlert TenantAlert() => new()
    {
        Id = "t1",
        Source = SourceProduct.Sentinel,
        ProviderAlertId = "t1",
        Title = "Credential dumping through LSASS memory access",
        Severity = Severity.High,
        CreatedAt = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero),
        Techniques = ["T1003"],
        Entities = [new HostEntity { HostName = "fab-ws-101", Role = EntityRole.Impacted }],
        Raw = new RawRecordRef("alerts.json", 0),
    };
}
