using System.Text.Json.Nodes;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Cli.Tests;

/// <summary>Reads the <c>case-records.ndjson</c> that <c>aisoc investigate</c> writes, and feeds it to <c>aisoc tune</c>.</summary>
public sealed class InvestigateCaseRecordsTests
{
    [Fact]
    public void Tune_InvestigatedRecords_ProposalsCiteEvidence()
    {
        using var folder = new TempFiles();
        var investigated = Path.Combine(folder.Root, "investigated");
        var tuning = Path.Combine(folder.Root, "tuning");
        var (investigateExit, _, investigateError) = CliRunner.Run(
            "investigate", SharedData.PathOf("sentinel"), SharedData.PathOf("defender"), "--approve", "none", "--playbooks", RepositoryPath("playbooks"), "--out", investigated);
        Assert.True(investigateExit == 0, investigateError);

        var (exitCode, _, error) = CliRunner.Run("tune", Path.Combine(investigated, "case-records.ndjson"), RepositoryPath("samples", "labelled"), "--out", tuning, "--quiet");

        Assert.True(exitCode == ExitCodes.Success, error);
        var proposals = JsonNode.Parse(File.ReadAllText(Path.Combine(tuning, "proposals.json")))!["proposals"]!.AsArray();
        var report = File.ReadAllLines(Path.Combine(tuning, "tuning-report.md"));
        Assert.NotEmpty(proposals);
        foreach (var proposal in proposals)
        {
            var id = proposal!["id"]!.GetValue<string>();
            Assert.True(proposal["evidence"]!["caseIds"]!.AsArray().Count > 0, id);
            Assert.True(proposal["evidence"]!["alerts"]!.GetValue<int>() > 0, id);
            Assert.False(string.IsNullOrWhiteSpace(proposal["rationale"]?.GetValue<string>()), id);
            var line = Assert.Single(report, candidate => candidate.StartsWith("| " + id + " |", StringComparison.Ordinal));
            Assert.Contains("cases: ", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CaseRecords_ApproveNone_UnknownPerAlert()
    {
        using var folder = new TempFiles();
        var outDirectory = Path.Combine(folder.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("investigate", RepositoryPath("samples", "alerts"), "--approve", "none", "--playbooks", RepositoryPath("playbooks"), "--out", outDirectory);

        Assert.True(exitCode == 0, error);
        var records = ReadRecords(outDirectory);
        var alertIds = records.Select(record => record["alertId"]!.GetValue<string>()).ToList();
        Assert.Equal(alertIds.Count, alertIds.Distinct(StringComparer.Ordinal).Count());
        Assert.All(records, record => Assert.Equal("aisoc.case/1", record["schema"]!.GetValue<string>()));
        Assert.All(records, record => Assert.Equal("Unknown", record["verdict"]!.GetValue<string>()));
        Assert.All(records, record => Assert.Equal("automation", record["decidedBy"]!.GetValue<string>()));
        Assert.All(records, record => Assert.Null(record["containedAt"]));
        Assert.Contains(records, record => record["escalated"]!.GetValue<bool>());
    }

    [Fact]
    public void CaseRecords_ApprovedContainment_HumanTruePositive()
    {
        using var folder = new TempFiles();
        var outDirectory = Path.Combine(folder.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("investigate", RepositoryPath("samples", "alerts"), "--fake-tenant", "--approve", "all", "--playbooks", RepositoryPath("playbooks"), "--out", outDirectory);

        Assert.True(exitCode == 0, error);
        var cases = File.ReadLines(Path.Combine(outDirectory, "cases.ndjson")).Select(line => JsonNode.Parse(line)!).ToList();
        var contained = cases.Single(record => record["playbookId"]?.GetValue<string>() == "compromised-account")["incidentId"]!.GetValue<string>();
        var records = ReadRecords(outDirectory);
        var containedRecords = records.Where(record => record["caseId"]!.GetValue<string>() == contained).ToList();
        Assert.NotEmpty(containedRecords);
        Assert.All(containedRecords, record => Assert.Equal("TruePositive", record["verdict"]!.GetValue<string>()));
        Assert.All(containedRecords, record => Assert.Equal("human", record["decidedBy"]!.GetValue<string>()));
        Assert.All(containedRecords, record => Assert.NotNull(record["containedAt"]));
        var reviewOnly = records.Where(record => record["caseId"]!.GetValue<string>() != contained).ToList();
        Assert.All(reviewOnly, record => Assert.Equal("Unknown", record["verdict"]!.GetValue<string>()));
    }

    private static List<JsonNode> ReadRecords(string outDirectory) =>
        [.. File.ReadLines(Path.Combine(outDirectory, "case-records.ndjson")).Select(line => JsonNode.Parse(line)!)];

    private static string RepositoryPath(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
            {
                return Path.Combine([directory.FullName, .. parts]);
            }
        }

        throw new DirectoryNotFoundException("AiSoc.sln not found above the test binaries.");
    }
}
