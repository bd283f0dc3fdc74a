using System.Text.Json;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Cli.Tests;

/// <summary>Runs <c>aisoc triage</c> on real public exports and on the repository's samples, and reads the output files back.</summary>
public sealed class TriageEndToEndTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Triage_RealExports_EveryRecordNormalizedOrRejected()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        var (exitCode, output, _) = CliRunner.Run("triage", SharedData.PathOf("sentinel"), SharedData.PathOf("defender"), SharedData.PathOf("identity"), "--out", outDirectory, "--quiet");

        Assert.Equal(ExitCodes.Success, exitCode);
        var alerts = ReadLines(Path.Combine(outDirectory, "alerts.ndjson"));
        var rejects = ReadLines(Path.Combine(outDirectory, "rejects.ndjson"));
        Assert.Contains($"{rejects.Count} rejected", output, StringComparison.Ordinal);
        Assert.Contains("Triaged 239 records from 15 files: 230 normalized, 9 rejected", output, StringComparison.Ordinal);
        Assert.Equal(218, alerts.Count);
    }

    [Fact]
    public void Triage_RealExports_RejectsNonAlertsWithReasons()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        CliRunner.Run("triage", SharedData.PathOf("defender"), SharedData.PathOf("sentinel"), "--out", outDirectory, "--quiet");

        var rejects = ReadLines(Path.Combine(outDirectory, "rejects.ndjson"));
        Assert.Equal(3, rejects.Count(r => Text(r, "reason").Contains("machine action", StringComparison.Ordinal)));
        Assert.Equal(2, rejects.Count(r => Text(r, "reason").Contains("API error response", StringComparison.Ordinal)));
        Assert.Contains(rejects, r => Text(r, "file").EndsWith("GetAllIncidentEntities_2024-09-01.json", StringComparison.Ordinal)
            && Text(r, "reason").Contains("Account entity without an alert", StringComparison.Ordinal));
        Assert.All(rejects, r => Assert.True(r.TryGetProperty("record", out _)));
    }

    [Fact]
    public void Triage_ProviderIncidentWithoutAlerts_IsStillAnIncident()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        CliRunner.Run("triage", SharedData.PathOf("sentinel/GetIncidentById_2024-09-01.json"), "--out", outDirectory, "--quiet");

        using var incidents = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDirectory, "incidents.json")));
        var incident = Assert.Single(incidents.RootElement.EnumerateArray().ToList());
        Assert.Equal("My incident", Text(incident, "title"));
        Assert.Equal("high", Text(incident, "severity"));
        Assert.Equal("needs-context", Text(incident, "verdict"));
        Assert.Equal("73e01a99-5cd7-4139-a149-9f2736ff2ab5", incident.GetProperty("providerIncidentIds")[0].GetString());
        Assert.Equal(0, incident.GetProperty("alertIds").GetArrayLength());
    }

    [Fact]
    public void Triage_RealExports_AlertsMeetOutputContract()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        CliRunner.Run("triage", SharedData.PathOf("sentinel"), SharedData.PathOf("defender"), SharedData.PathOf("identity"), "--out", outDirectory, "--quiet");

        foreach (var alert in ReadLines(Path.Combine(outDirectory, "alerts.ndjson")))
        {
            foreach (var field in new[] { "id", "source", "providerAlertId", "title", "severity", "createdAt", "tactics", "techniques", "entities", "score", "verdict", "reasons" })
            {
                Assert.True(alert.TryGetProperty(field, out _), $"alert {Text(alert, "id")} lacks '{field}'");
            }

            Assert.EndsWith("Z", Text(alert, "createdAt"), StringComparison.Ordinal);
            Assert.All(alert.GetProperty("entities").EnumerateArray(), e => Assert.True(e.TryGetProperty("kind", out _)));
        }
    }

    [Fact]
    public void Triage_RealExports_NamedRecordsHaveExpectedValues()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        CliRunner.Run("triage", SharedData.PathOf("defender"), SharedData.PathOf("identity"), "--out", outDirectory, "--quiet");

        var alerts = ReadLines(Path.Combine(outDirectory, "alerts.ndjson")).ToDictionary(a => Text(a, "providerAlertId"));
        var graph = alerts["da637551227677560813_-961444813"];
        Assert.Equal("defender-xdr", Text(graph, "source"));
        Assert.Equal("low", Text(graph, "severity"));
        Assert.Equal("2021-04-27T12:19:27.7211305Z", Text(graph, "createdAt"));
        Assert.Equal("T1564.001", graph.GetProperty("techniques")[0].GetString());
        Assert.Contains(graph.GetProperty("entities").EnumerateArray(), e => Text(e, "kind") == "host" && Text(e, "defenderDeviceId") == "73e7e2de709dff64ef64b1d0c30e67fab63279db");

        var spray = alerts.Values.Single(a => Text(a, "title") == "Password spray");
        Assert.Equal("entra-id-protection", Text(spray, "source"));
        Assert.Equal("2022-09-09T08:48:50.361Z", Text(spray, "createdAt"));
        Assert.Contains(spray.GetProperty("entities").EnumerateArray(), e => Text(e, "kind") == "account" && Text(e, "upn") == "joel.miller@mauriziobrancaoutlook.onmicrosoft.com");

        var mde = alerts["da637029414680409372_735564929"];
        Assert.Equal("defender-for-endpoint", Text(mde, "source"));
        Assert.False(mde.TryGetProperty("category", out _));
    }

    [Fact]
    public void Triage_Samples_CorrelatesTheAttackIntoOneIncident()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        var (exitCode, _, _) = CliRunner.Run("triage", SamplesPath(), "--out", outDirectory, "--quiet");

        Assert.Equal(ExitCodes.Success, exitCode);
        using var incidents = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDirectory, "incidents.json")));
        var attack = incidents.RootElement.EnumerateArray().First();
        Assert.Equal("malicious", Text(attack, "verdict"));
        Assert.Equal("high", Text(attack, "severity"));
        Assert.True(attack.GetProperty("alertIds").GetArrayLength() >= 10);
        Assert.Contains(attack.GetProperty("entities").EnumerateArray(), e => Text(e, "kind") == "account" && Text(e, "upn") == "megan.bowen@contoso.com");
        Assert.Equal("InitialAccess", attack.GetProperty("tactics")[0].GetString());
    }

    [Fact]
    public void Triage_Samples_ReportListsTopIncident()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        CliRunner.Run("triage", SamplesPath(), "--out", outDirectory, "--quiet");

        var report = File.ReadAllText(Path.Combine(outDirectory, "report.md"));
        Assert.Contains("## Top incidents", report, StringComparison.Ordinal);
        Assert.Contains("Attack chain: InitialAccess", report, StringComparison.Ordinal);
        Assert.Contains("| Records read | Normalized | Rejected |", report, StringComparison.Ordinal);
    }

    private static string SamplesPath() => Path.Combine(RepositoryRoot(), "samples", "alerts");

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

    private static List<JsonElement> ReadLines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
}
