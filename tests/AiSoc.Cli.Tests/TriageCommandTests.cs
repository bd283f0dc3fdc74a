using AiSoc.Core.Tests.Support;

namespace AiSoc.Cli.Tests;

public sealed class TriageCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Triage_MissingPath_ExitsWithInputError()
    {
        var (exitCode, _, error) = CliRunner.Run("triage", Path.Combine(_files.Root, "nope.json"), "--out", Out());

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("Input path not found", error, StringComparison.Ordinal);
        Assert.Contains("nope.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_UnknownOption_ExitsWithUsageError()
    {
        var input = _files.Write("a.json", "{}");

        var (exitCode, output, error) = CliRunner.Run("triage", input, "--bogus", "--out", Out());

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--bogus", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_MissingOut_ExitsWithUsageError()
    {
        var input = _files.Write("a.json", "{}");

        var (exitCode, _, _) = CliRunner.Run("triage", input);

        Assert.Equal(ExitCodes.Usage, exitCode);
    }

    [Fact]
    public void Triage_Help_DocumentsEveryOption()
    {
        var (exitCode, output, _) = CliRunner.Run("triage", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        foreach (var option in new[] { "--out", "--config", "--workers", "--quiet", "<paths>" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Triage_InvalidConfigSetting_ExitsWithConfigErrorNamingSetting()
    {
        var input = _files.Write("a.json", "{}");
        var config = _files.Write("config.json", "{\"correlation\":{\"maxIncidentSize\":1}}");

        var (exitCode, _, error) = CliRunner.Run("triage", input, "--out", Out(), "--config", config);

        Assert.Equal(ExitCodes.ConfigError, exitCode);
        Assert.Contains("correlation.maxIncidentSize", error, StringComparison.Ordinal);
        Assert.Contains("config.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_MisspelledConfigSetting_ExitsWithConfigError()
    {
        var input = _files.Write("a.json", "{}");
        var config = _files.Write("config.json", "{\"scoring\":{\"privilegedAcounts\":[\"a@b.c\"]}}");

        var (exitCode, _, error) = CliRunner.Run("triage", input, "--out", Out(), "--config", config);

        Assert.Equal(ExitCodes.ConfigError, exitCode);
        Assert.Contains("privilegedAcounts", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_MissingConfigFile_ExitsWithConfigError()
    {
        var input = _files.Write("a.json", "{}");

        var (exitCode, _, error) = CliRunner.Run("triage", input, "--out", Out(), "--config", Path.Combine(_files.Root, "none.json"));

        Assert.Equal(ExitCodes.ConfigError, exitCode);
        Assert.Contains("Configuration file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_UnrecognizedRecords_AreRejectedNotLost()
    {
        var input = _files.Write("a.ndjson", "{\"hello\":1}\n{\"error\":{\"code\":\"Forbidden\",\"message\":\"no\"}}\n");
        var outDirectory = Out();

        var (exitCode, output, _) = CliRunner.Run("triage", input, "--out", outDirectory, "--quiet");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Triaged 2 records from 1 files: 0 normalized, 2 rejected", output, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(outDirectory, "rejects.ndjson")).Length);
        Assert.Equal("[]", File.ReadAllText(Path.Combine(outDirectory, "incidents.json")).Trim());
        Assert.True(File.Exists(Path.Combine(outDirectory, "report.md")));
    }

    private string Out() => Path.Combine(_files.Root, "out");
}
