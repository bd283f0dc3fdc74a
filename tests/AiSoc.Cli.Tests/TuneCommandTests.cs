using System.Text.Json;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Cli.Tests;

/// <summary>Runs <c>aisoc tune</c>, <c>apply-suppression</c> and <c>metrics</c> on the labelled samples.</summary>
public sealed class TuneCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Tune_LabelledSamples_WritesReportAndProposals()
    {
        var (exitCode, output, error) = CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--quiet");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("proposals", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out(), "tuning-report.md")));
        Assert.True(File.Exists(Path.Combine(Out(), "proposals.json")));
    }

    [Fact]
    public void Tune_LabelledSamples_ProposesEveryExpectedKind()
    {
        CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--quiet");

        var proposals = ReadProposals();

        var suppressions = proposals.Where(p => Text(p, "kind") == "suppression").ToList();
        Assert.Contains(suppressions, p => Condition(p, "entityValue") == "3c1f2d7e-8a41-4b6e-9d02-5f7a1c3e9b10");
        Assert.Contains(suppressions, p => Condition(p, "entityValue") == "2001:db8:4a:7::/64");
        Assert.Contains(proposals, p => Text(p, "kind") == "review-rule" && Text(p, "detectorId") == "rule-encoded-powershell");
        Assert.Contains(proposals, p => Text(p, "kind") == "lower-severity" && Text(p, "detectorId") == "rule-mass-download");
        Assert.Contains(proposals, p => Text(p, "kind") == "raise-severity" && Text(p, "detectorId") == "rule-external-forwarding");
        Assert.Contains(proposals, p => Text(p, "kind") == "coverage-gap" && Condition(p, "technique") == "T1136.003");
    }

    [Fact]
    public void Tune_LabelledSamples_NoProposalForProtectedCases()
    {
        CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--quiet");

        var proposals = ReadProposals();

        // lee.gu has too few cases, diego.siciliani has a true positive, alex.wilber only automation verdicts.
        foreach (var account in new[] { "7e9a4b21-0c3d-4f5e-a612-8b7c9d0e1f23", "a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a" })
        {
            Assert.DoesNotContain(proposals, p => Condition(p, "entityValue") == account);
        }

        Assert.DoesNotContain(proposals, p => Text(p, "detectorId") == "rule-lsass-memory-access");
    }

    [Fact]
    public void Tune_LabelledSamples_EveryProposalCitesEvidence()
    {
        CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--quiet");

        var proposals = ReadProposals();
        var report = File.ReadAllLines(Path.Combine(Out(), "tuning-report.md"));

        Assert.NotEmpty(proposals);
        foreach (var proposal in proposals)
        {
            var id = Text(proposal, "id")!;
            var evidence = proposal.GetProperty("evidence");
            Assert.True(evidence.GetProperty("caseIds").GetArrayLength() > 0, id);
            Assert.True(evidence.GetProperty("alerts").GetInt32() > 0, id);
            Assert.False(string.IsNullOrWhiteSpace(Text(proposal, "rationale")), id);

            var line = Assert.Single(report, l => l.StartsWith("| " + id + " |", StringComparison.Ordinal));
            Assert.Contains("cases: ", line, StringComparison.Ordinal);
            Assert.Contains("period ", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tune_RetrainThresholdInConfig_ProposesRetraining()
    {
        var config = _files.Write("tuning.json", """{"retrainAfterVerdicts": 50, "lastTrainingAt": "2026-10-01T00:00:00Z"}""");

        var (exitCode, _, error) = CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--config", config, "--quiet");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains(ReadProposals(), p => Text(p, "kind") == "retrain-model");
    }

    [Fact]
    public void Tune_SinceAfterEveryAlert_WritesNoProposals()
    {
        var (exitCode, _, _) = CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--since", "2027-01-01", "--quiet");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Empty(ReadProposals());
    }

    [Fact]
    public void Tune_MissingPath_ExitsWithInputError()
    {
        var (exitCode, _, error) = CliRunner.Run("tune", Path.Combine(_files.Root, "nope.ndjson"), "--out", Out());

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("nope.ndjson", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "last-week")]
    [InlineData("--until", "2026-13-45")]
    public void Tune_BadDate_ExitsWithUsageError(string option, string value)
    {
        var (exitCode, _, error) = CliRunner.Run("tune", LabelledSamples(), "--out", Out(), option, value);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"Invalid {option} '{value}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tune_UntilBeforeSince_ExitsWithUsageError()
    {
        var (exitCode, _, _) = CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--since", "2026-11-01", "--until", "2026-10-01");

        Assert.Equal(ExitCodes.Usage, exitCode);
    }

    [Fact]
    public void Tune_InvalidSetting_ExitsWithConfigError()
    {
        var config = _files.Write("tuning.json", """{"minSuppressionCases": 0}""");

        var (exitCode, _, error) = CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--config", config);

        Assert.Equal(ExitCodes.ConfigError, exitCode);
        Assert.Contains("minSuppressionCases", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tune_InvalidCaseRecord_NamesField()
    {
        var input = _files.Write("cases.ndjson",
            """{"schema":"aisoc.case/1","caseId":"c1","alertId":"a1","source":"s","title":"t","createdAt":"not a time","verdict":"TruePositive","decidedBy":"human"}""" + "\n");

        var (exitCode, _, error) = CliRunner.Run("tune", input, "--out", Out());

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("cases.ndjson:1", error, StringComparison.Ordinal);
        Assert.Contains("createdAt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplySuppression_TuneProposal_WritesAudit()
    {
        CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--quiet");
        var proposals = Path.Combine(Out(), "proposals.json");
        var id = Text(ReadProposals().First(p => Text(p, "kind") == "suppression"), "id")!;
        var suppressions = Path.Combine(_files.Root, "suppressions.json");
        var audit = Path.Combine(_files.Root, "audit.ndjson");

        var (exitCode, output, error) = CliRunner.Run("apply-suppression", proposals, "--id", id, "--suppressions", suppressions, "--audit", audit, "--by", "Dana Lead");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains(id, output, StringComparison.Ordinal);
        Assert.Contains(id, File.ReadAllText(suppressions), StringComparison.Ordinal);
        var auditLine = Assert.Single(File.ReadAllLines(audit));
        Assert.Contains("\"by\":\"Dana Lead\"", auditLine, StringComparison.Ordinal);
        Assert.Contains("\"evidenceHash\":", auditLine, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplySuppression_UnknownId_ExitsWithInputError()
    {
        CliRunner.Run("tune", LabelledSamples(), "--out", Out(), "--quiet");
        var audit = Path.Combine(_files.Root, "audit.ndjson");

        var (exitCode, _, error) = CliRunner.Run("apply-suppression", Path.Combine(Out(), "proposals.json"), "--id", "suppression-000000000000",
            "--suppressions", Path.Combine(_files.Root, "s.json"), "--audit", audit, "--by", "Dana Lead");

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("suppression-000000000000", error, StringComparison.Ordinal);
        Assert.False(File.Exists(audit));
    }

    [Fact]
    public void ApplySuppression_MissingFile_ExitsWithInputError()
    {
        var (exitCode, _, _) = CliRunner.Run("apply-suppression", Path.Combine(_files.Root, "nope.json"), "--id", "x",
            "--suppressions", Path.Combine(_files.Root, "s.json"), "--audit", Path.Combine(_files.Root, "a.ndjson"), "--by", "Dana Lead");

        Assert.Equal(ExitCodes.InputError, exitCode);
    }

    [Fact]
    public void Metrics_LabelledSamples_PrintsFiguresAndWritesJson()
    {
        var json = Path.Combine(_files.Root, "metrics.json");

        var (exitCode, output, error) = CliRunner.Run("metrics", LabelledSamples(), "--json", json, "--quiet");

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("False-positive rate:", output, StringComparison.Ordinal);
        Assert.Contains("Mean time to contain:", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(102, document.RootElement.GetProperty("alerts").GetInt32());
        Assert.Equal(87, document.RootElement.GetProperty("humanLabelled").GetInt32());
        Assert.Equal(13, document.RootElement.GetProperty("automationVerdicts").GetInt32());
    }

    [Fact]
    public void Metrics_BadDate_ExitsWithUsageError()
    {
        var (exitCode, _, error) = CliRunner.Run("metrics", LabelledSamples(), "--since", "soon");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--since", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_MissingPath_ExitsWithInputError()
    {
        var (exitCode, _, _) = CliRunner.Run("metrics", Path.Combine(_files.Root, "nope"));

        Assert.Equal(ExitCodes.InputError, exitCode);
    }

    private string Out() => Path.Combine(_files.Root, "out");

    private List<JsonElement> ReadProposals()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out(), "proposals.json")));
        return document.RootElement.GetProperty("proposals").EnumerateArray().Select(p => p.Clone()).ToList();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Condition(JsonElement proposal, string name) => Text(proposal.GetProperty("condition"), name);

    private static string LabelledSamples()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
            {
                return Path.Combine(directory.FullName, "samples", "labelled");
            }
        }

        throw new DirectoryNotFoundException("AiSoc.sln not found above the test binaries.");
    }
}
