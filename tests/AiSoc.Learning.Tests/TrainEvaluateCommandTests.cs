using System.Text.Json;
using AiSoc.Cli;
using AiSoc.Cli.Tests;
using AiSoc.Core.Tests.Support;
using AiSoc.Learning.Tests.Support;

namespace AiSoc.Learning.Tests;

public class TrainEvaluateCommandTests
{
    [Fact]
    public void Train_GuideSample_WritesModelAndExitsZero()
    {
        using var files = new TempFiles();
        var model = Path.Combine(files.Root, "model.zip");

        var (exitCode, output, error) = CliRunner.Run("train", GuideSample.Path, "--out", model, "--trees", "5");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.True(File.Exists(model));
        Assert.Contains("Model written to", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SavedModel_WritesJsonFields()
    {
        using var files = new TempFiles();
        var model = Path.Combine(files.Root, "model.zip");
        var json = Path.Combine(files.Root, "eval.json");
        CliRunner.Run("train", GuideSample.Path, "--out", model, "--trees", "5");

        var (exitCode, _, error) = CliRunner.Run("evaluate", GuideSample.Path, "--model", model, "--json", json);

        Assert.True(exitCode == ExitCodes.Success, error);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("macroF1").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("autoClosedShare").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("escalatedShare").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("missedTruePositives").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("perClass").GetProperty("TruePositive").GetProperty("precision").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("perClass").GetProperty("FalsePositive").GetProperty("f1").ValueKind);
    }

    [Fact]
    public void Evaluate_CrossValidation_PrintsBaselines()
    {
        var (exitCode, output, error) = CliRunner.Run("evaluate", GuideSample.Path, "--folds", "2", "--trees", "5");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("majority-class", output, StringComparison.Ordinal);
        Assert.Contains("rules-only", output, StringComparison.Ordinal);
        Assert.Contains("plain-gradient-boosting", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingData_ExitsWithInputError()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "absent.csv");

        var (exitCode, _, error) = CliRunner.Run("evaluate", path);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains(path, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CorruptModel_ExitsWithInputError()
    {
        using var files = new TempFiles();
        var model = files.Write("bad.zip", "not a model");

        var (exitCode, _, error) = CliRunner.Run("evaluate", GuideSample.Path, "--model", model);

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains(model, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OneFold_ExitsWithUsageError()
    {
        var (exitCode, _, error) = CliRunner.Run("evaluate", GuideSample.Path, "--folds", "1");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--folds", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_WithoutOut_ExitsWithUsageError()
    {
        var (exitCode, _, _) = CliRunner.Run("train", GuideSample.Path);

        Assert.Equal(ExitCodes.Usage, exitCode);
    }
}
