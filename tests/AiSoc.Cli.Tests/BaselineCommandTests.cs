using System.Text.Json;
using AiSoc.Core.Tests.Support;

namespace AiSoc.Cli.Tests;

/// <summary>Runs <c>aisoc baseline</c> on the public telemetry exports and reads the output files back.</summary>
public sealed class BaselineCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Baseline_TelemetryFolder_WritesAnomaliesAndState()
    {
        var outDirectory = Path.Combine(_files.Root, "out");
        var statePath = Path.Combine(_files.Root, "state.json");

        var (exitCode, output, error) = CliRunner.Run("baseline", SharedData.PathOf("telemetry"), "--state", statePath, "--out", outDirectory);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Equal("", error);
        Assert.Contains("Read 315 rows from 4 files; counted 274 observations, skipped 0 already counted", output, StringComparison.Ordinal);
        Assert.True(File.Exists(statePath));
        Assert.True(File.Exists(Path.Combine(outDirectory, "baseline-report.md")));
        Assert.Empty(ReadLines(Path.Combine(outDirectory, "rejects.ndjson")));
    }

    [Fact]
    public void Baseline_TelemetryFolder_ImpossibleTravelAlertForMeganb()
    {
        var outDirectory = Path.Combine(_files.Root, "out");

        CliRunner.Run("baseline", SharedData.PathOf("telemetry"), "--state", Path.Combine(_files.Root, "state.json"), "--out", outDirectory);

        var alerts = ReadLines(Path.Combine(outDirectory, "anomalies.ndjson"));
        var travel = Assert.Single(alerts, a => Text(a, "title") == "Impossible travel between sign-ins: meganb@seccxp.ninja");
        Assert.Equal("aisoc-baseline", Text(travel, "source"));
        Assert.Equal("signin-impossible-travel", Text(travel, "detectorId"));
        Assert.Equal("2020-05-20T13:11:35.573Z", Text(travel, "createdAt"));
        Assert.Equal("T1078", travel.GetProperty("techniques")[0].GetString());
        Assert.Equal("0.824", travel.GetProperty("extra").GetProperty("anomalyScore").GetString());
        Assert.Contains(travel.GetProperty("entities").EnumerateArray(), e => Text(e, "kind") == "account" && Text(e, "upn") == "meganb@seccxp.ninja");
    }

    [Fact]
    public void Baseline_SecondRunSameFiles_NothingCountedTwice()
    {
        var statePath = Path.Combine(_files.Root, "state.json");
        CliRunner.Run("baseline", SharedData.PathOf("telemetry"), "--state", statePath, "--out", Path.Combine(_files.Root, "first"));
        var secondOut = Path.Combine(_files.Root, "second");

        var (exitCode, output, _) = CliRunner.Run("baseline", SharedData.PathOf("telemetry"), "--state", statePath, "--out", secondOut);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("counted 0 observations, skipped 274 already counted; 0 anomalies", output, StringComparison.Ordinal);
        Assert.Empty(ReadLines(Path.Combine(secondOut, "anomalies.ndjson")));
    }

    [Fact]
    public void Baseline_ShortWarmUp_NewCountryAlert()
    {
        var outDirectory = Path.Combine(_files.Root, "out");
        var config = _files.Write("baseline.json", """{ "signInWarmUp": { "observations": 1, "days": 0 } }""");

        var (exitCode, _, _) = CliRunner.Run("baseline", SharedData.PathOf("telemetry/signinlogs_msticpy.json"), "--state", Path.Combine(_files.Root, "state.json"), "--out", outDirectory, "--config", config);

        Assert.Equal(ExitCodes.Success, exitCode);
        var alerts = ReadLines(Path.Combine(outDirectory, "anomalies.ndjson"));
        Assert.Contains(alerts, a => Text(a, "detectorId") == "signin-new-country" && Text(a, "title").EndsWith("meganb@seccxp.ninja", StringComparison.Ordinal));
    }

    [Fact]
    public void Baseline_InvalidConfig_ConfigError()
    {
        var config = _files.Write("baseline.json", """{ "impossibleTravelSpeedKmh": -5 }""");

        var (exitCode, _, error) = CliRunner.Run("baseline", SharedData.PathOf("telemetry"), "--state", Path.Combine(_files.Root, "state.json"), "--out", Path.Combine(_files.Root, "out"), "--config", config);

        Assert.Equal(ExitCodes.ConfigError, exitCode);
        Assert.Contains(config, error, StringComparison.Ordinal);
        Assert.Contains("ImpossibleTravelSpeedKmh is -5", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_UnknownConfigProperty_ConfigError()
    {
        var config = _files.Write("baseline.json", """{ "impossibleTravelSpeed": 800 }""");

        var (exitCode, _, error) = CliRunner.Run("baseline", SharedData.PathOf("telemetry"), "--state", Path.Combine(_files.Root, "state.json"), "--out", Path.Combine(_files.Root, "out"), "--config", config);

        Assert.Equal(ExitCodes.ConfigError, exitCode);
        Assert.Contains("impossibleTravelSpeed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_MissingInput_InputError()
    {
        var missing = Path.Combine(_files.Root, "missing.json");

        var (exitCode, _, error) = CliRunner.Run("baseline", missing, "--state", Path.Combine(_files.Root, "state.json"), "--out", Path.Combine(_files.Root, "out"));

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_CorruptState_InputErrorAndStateKept()
    {
        var statePath = _files.Write("state.json", "{ broken");

        var (exitCode, _, error) = CliRunner.Run("baseline", SharedData.PathOf("telemetry"), "--state", statePath, "--out", Path.Combine(_files.Root, "out"));

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains(statePath, error, StringComparison.Ordinal);
        Assert.Equal("{ broken", File.ReadAllText(statePath));
    }

    [Fact]
    public void Baseline_MissingStateOption_UsageError()
    {
        var (exitCode, _, error) = CliRunner.Run("baseline", SharedData.PathOf("telemetry"), "--out", Path.Combine(_files.Root, "out"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--state", error, StringComparison.Ordinal);
    }

    private static List<JsonElement> ReadLines(string path) =>
        [.. File.ReadAllLines(path).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
