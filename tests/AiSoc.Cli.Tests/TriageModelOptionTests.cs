using System.Text.Json;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Cli.Tests;

/// <summary>Trains one small model on the labelled tenant sample for every test in the class.</summary>
public sealed class TenantModelFixture : IDisposable
{
    private readonly TempFiles _files = new();

    public TenantModelFixture()
    {
        SamplePath = Path.Combine(RepositoryRoot(), "samples", "labelled-tenant");
        ModelPath = Path.Combine(_files.Root, "tenant-model.zip");

        var (exitCode, _, error) = CliRunner.Run("train", SamplePath, "--out", ModelPath, "--trees", "10");
        if (exitCode != ExitCodes.Success)
        {
            throw new InvalidOperationException($"Training the fixture model failed with exit code {exitCode}: {error}");
        }
    }

    public string SamplePath { get; }

    public string ModelPath { get; }

    public void Dispose() => _files.Dispose();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("AiSoc.sln not found above the test binaries.");
    }
}

public sealed class TriageModelOptionTests(TenantModelFixture fixture) : IClassFixture<TenantModelFixture>, IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Triage_ValidModel_ReasonsComeFromModel()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("triage", fixture.SamplePath, "--out", outDirectory, "--model", fixture.ModelPath, "--quiet");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.DoesNotContain("Warning", error, StringComparison.Ordinal);
        var reasons = FirstReasons(outDirectory);
        Assert.StartsWith("Learned model:", reasons[0], StringComparison.Ordinal);
        Assert.True(reasons.Count > 1, "The model gave no feature reasons.");
    }

    [Fact]
    public void Triage_MissingModel_WarnsAndUsesRules()
    {
        var outDirectory = Path.Combine(_files.Root, "out");
        var model = Path.Combine(_files.Root, "absent-model.zip");

        var (exitCode, _, error) = CliRunner.Run("triage", fixture.SamplePath, "--out", outDirectory, "--model", model, "--quiet");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Warning: learned model not used", error, StringComparison.Ordinal);
        Assert.Contains(model, error, StringComparison.Ordinal);
        Assert.Contains(FirstReasons(outDirectory), reason => reason.StartsWith("Learned model unavailable, rule score used", StringComparison.Ordinal));
    }

    [Fact]
    public void Triage_CorruptModel_WarnsAndUsesRules()
    {
        var outDirectory = Path.Combine(_files.Root, "out");
        var model = _files.Write("corrupt-model.zip", "this is not a zip file");

        var (exitCode, _, error) = CliRunner.Run("triage", fixture.SamplePath, "--out", outDirectory, "--model", model, "--quiet");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("not a valid AiSoc triage model", error, StringComparison.Ordinal);
        Assert.Contains(model, error, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstReasons(outDirectory), reason => reason.StartsWith("Learned model:", StringComparison.Ordinal));
    }

    [Fact]
    public void Triage_NoModel_ReasonsComeFromRules()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("triage", fixture.SamplePath, "--out", outDirectory, "--quiet");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.DoesNotContain(FirstReasons(outDirectory), reason => reason.StartsWith("Learned model", StringComparison.Ordinal));
    }

    private static List<string> FirstReasons(string outDirectory)
    {
        var line = File.ReadLines(Path.Combine(outDirectory, "alerts.ndjson")).First(text => text.Length > 0);
        using var document = JsonDocument.Parse(line);
        return document.RootElement.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()!).ToList();
    }
}
