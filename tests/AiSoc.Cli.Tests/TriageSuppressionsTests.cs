using System.Text.Json;
using AiSoc.Cli;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Cli.Tests;

/// <summary>
/// <c>aisoc triage --suppressions</c> reads the file that <c>aisoc apply-suppression</c> writes, so an applied
/// suppression takes effect on the next triage run.
/// </summary>
public sealed class TriageSuppressionsTests : IDisposable
{
    private const string SprayAlertId = "53676cd15c3e4ef695fb2eb3b33ba1946263a9a18c52435c8191b502dc577a4f";

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Triage_SuppressedSprayAlert_IsBenignWithReason()
    {
        var suppressions = _files.Write("suppressions.json", Suppressions(DateTimeOffset.UtcNow.AddDays(30)));
        var output = Path.Combine(_files.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("triage", RepositoryPath("samples/alerts"), "--out", output, "--suppressions", suppressions, "-q");

        Assert.True(exitCode == ExitCodes.Success, error);
        var alert = AlertOf(output, SprayAlertId);
        Assert.Equal("benign", alert.GetProperty("verdict").GetString());
        Assert.StartsWith("Suppressed by suppression-7", alert.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Triage_ExpiredSuppression_LeavesVerdict()
    {
        var suppressions = _files.Write("suppressions.json", Suppressions(DateTimeOffset.UtcNow.AddDays(-1)));
        var output = Path.Combine(_files.Root, "out");

        CliRunner.Run("triage", RepositoryPath("samples/alerts"), "--out", output, "--suppressions", suppressions, "-q");

        Assert.Equal("malicious", AlertOf(output, SprayAlertId).GetProperty("verdict").GetString());
    }

    [Fact]
    public void Triage_MissingSuppressionsFile_FailsNamingFile()
    {
        var missing = Path.Combine(_files.Root, "none.json");

        var (exitCode, _, error) = CliRunner.Run("triage", RepositoryPath("samples/alerts"), "--out", Path.Combine(_files.Root, "out"), "--suppressions", missing);

        Assert.Equal(ExitCodes.ConfigError, exitCode);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    private static string Suppressions(DateTimeOffset expiresAt) => JsonSerializer.Serialize(new[]
    {
        new
        {
            proposalId = "suppression-7",
            detectorId = "passwordSpray",
            entityField = "account.upn",
            entityValue = "megan.bowen@contoso.com",
            expiresAt,
            appliedAt = expiresAt.AddDays(-30),
            appliedBy = "Dana Lead",
            evidenceHash = "sha256:0",
        },
    });

    private static JsonElement AlertOf(string output, string providerAlertId) =>
        File.ReadLines(Path.Combine(output, "alerts.ndjson"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(alert => alert.GetProperty("providerAlertId").GetString() == providerAlertId);

    private static string RepositoryPath(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new DirectoryNotFoundException("Could not find AiSoc.sln above the test binaries.");
    }
}
