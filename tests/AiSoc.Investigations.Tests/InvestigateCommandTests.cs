using System.Text.Json;
using AiSoc.Cli;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Investigations.Tests;

public sealed class InvestigateCommandTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Investigate_ApproveNone_RejectsEveryApproval()
    {
        using var folder = new TempFiles();
        var outDirectory = Path.Combine(folder.Root, "out");

        var (exitCode, output, error) = Run(
            "investigate", SharedData.PathOf("sentinel"), SharedData.PathOf("defender"),
            "--out", outDirectory, "--approve", "none", "--playbooks", PlaybookFolder());

        Assert.True(exitCode == 0, error);
        Assert.Contains("Investigated", output, StringComparison.Ordinal);
        var cases = File.ReadAllLines(Path.Combine(outDirectory, "cases.ndjson")).Select(line => JsonSerializer.Deserialize<CaseRecord>(line, Json)!).ToList();
        Assert.NotEmpty(cases);
        foreach (var record in cases)
        {
            var report = File.ReadAllText(Path.Combine(outDirectory, $"case-{record.IncidentId}.md"));
            Assert.Contains("## Timeline", report, StringComparison.Ordinal);
            Assert.Contains("## Verdict", report, StringComparison.Ordinal);
            Assert.Contains("Evidence:", report, StringComparison.Ordinal);
            Assert.Contains("## Response plan", report, StringComparison.Ordinal);
            Assert.Contains("## Decisions", report, StringComparison.Ordinal);
        }

        var planned = cases.Where(record => record.PlanHash is not null).ToList();
        Assert.NotEmpty(planned);
        Assert.All(planned.SelectMany(record => record.PlannedActions).Where(action => action.Impact == Core.Response.ImpactLevel.High), action =>
        {
            var outcome = cases.SelectMany(record => record.Actions).Single(candidate => candidate.IdempotencyKey == action.IdempotencyKey);
            Assert.False(outcome.Executed);
        });
        var approvalOutcomes = cases.SelectMany(record => record.Actions).Where(outcome => outcome.Disposition == Core.Response.ActionDisposition.RequireApproval).ToList();
        Assert.NotEmpty(approvalOutcomes);
        Assert.All(approvalOutcomes, outcome => Assert.Equal("rejected", outcome.Result));
        Assert.All(cases.SelectMany(record => record.Decisions), decision => Assert.Equal(Approvals.ApprovalStatus.Rejected, decision.Status));
    }

    [Fact]
    public void Investigate_NeitherPathsNorSynthetic_IsUsageError()
    {
        using var folder = new TempFiles();

        var (exitCode, _, error) = Run("investigate", "--out", folder.Root, "--approve", "none");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--synthetic", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_UnknownState_IsInputError()
    {
        using var folder = new TempFiles();

        var (exitCode, _, error) = Run("approve", "0123abcd", "--decision", "approve", "--state", Path.Combine(folder.Root, "missing"));

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApplication.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private static string PlaybookFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
            {
                return Path.Combine(directory.FullName, "playbooks");
            }
        }

        throw new DirectoryNotFoundException("Could not find AiSoc.sln above the test binaries.");
    }
}
