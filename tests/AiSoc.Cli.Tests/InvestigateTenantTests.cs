using System.Text.Json;
using System.Text.Json.Nodes;
using AiSoc.Cli.Commands;
using AiSoc.Core.Tests.Support;
using AiSoc.FakeTenant;

namespace AiSoc.Cli.Tests;

/// <summary>Runs <c>aisoc investigate</c> against the in-process fake tenant and reads the fake's request log and the audit log back.</summary>
public sealed class InvestigateTenantTests
{
    private static readonly string[] WriteMethods = ["POST", "PATCH", "PUT", "DELETE"];

    [Fact]
    public void FakeTenant_ApproveAll_EnrichesAndContains()
    {
        using var folder = new TempFiles();
        var outDirectory = Path.Combine(folder.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("investigate", SamplesPath(), "--fake-tenant", "--approve", "all", "--playbooks", PlaybookFolder(), "--out", outDirectory);

        Assert.True(exitCode == 0, error);
        var requests = FakeRequests(outDirectory);
        Assert.Contains(requests, request => request.Method == "GET" && request.Path == "/v1.0/users/" + LabTenant.MeganId);
        Assert.Contains(requests, request => request.Method == "GET" && request.Path == "/api/machines/" + LabTenant.WorkstationId);
        Assert.Contains(requests, request => request.Method == "PATCH" && request.Path == "/v1.0/users/" + LabTenant.MeganId);
        Assert.DoesNotContain(requests, request => request.Method == "PATCH" && request.Path == "/v1.0/users/" + LabTenant.AdminId);
    }

    [Fact]
    public void FakeTenant_ApproveAll_AuditsEveryWriteOnce()
    {
        using var folder = new TempFiles();
        var outDirectory = Path.Combine(folder.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("investigate", SamplesPath(), "--fake-tenant", "--approve", "all", "--playbooks", PlaybookFolder(), "--out", outDirectory);

        Assert.True(exitCode == 0, error);
        var writes = FakeRequests(outDirectory).Where(request => WriteMethods.Contains(request.Method)).ToList();
        var executions = AuditRecords(outDirectory).Where(record => record["inputs"]?["step"]?.GetValue<string>() == "execute").ToList();
        var auditedWrites = executions
            .SelectMany(record => record["inputs"]!.AsObject().Where(pair => pair.Key.StartsWith("request", StringComparison.Ordinal)))
            .Select(pair => pair.Value!.GetValue<string>())
            .Where(request => WriteMethods.Any(method => request.StartsWith(method + " ", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(writes);
        Assert.Equal(writes.Count, auditedWrites.Count);
        foreach (var write in writes)
        {
            Assert.Single(auditedWrites, audited => audited.StartsWith(write.Method + " ", StringComparison.Ordinal) && audited.Contains(write.Path, StringComparison.Ordinal));
        }

        var approvedBy = executions.Select(record => record["inputs"]!["approvedBy"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(InvestigateLocalIdentity.Upn, approvedBy);
        Assert.DoesNotContain(Integrations.Recording.AuditedActionExecutor.UnattributedActor, approvedBy);
    }

    [Fact]
    public void FakeTenant_EndpointPlaybook_IsolatesWorkstationAndVerifies()
    {
        using var folder = new TempFiles();
        var playbooks = Path.Combine(folder.Root, "playbooks");
        Directory.CreateDirectory(playbooks);
        File.Copy(Path.Combine(PlaybookFolder(), "endpoint-malware.yaml"), Path.Combine(playbooks, "endpoint-malware.yaml"));
        var outDirectory = Path.Combine(folder.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("investigate", SamplesPath(), "--fake-tenant", "--approve", "all", "--playbooks", playbooks, "--out", outDirectory);

        Assert.True(exitCode == 0, error);
        var requests = FakeRequests(outDirectory);
        Assert.Single(requests, request => request.Method == "POST" && request.Path == $"/api/machines/{LabTenant.WorkstationId}/isolate");
        var isolation = CaseActions(outDirectory).Single(action => action["idempotencyKey"]!.GetValue<string>().EndsWith("|isolate-device|host:mde:" + LabTenant.WorkstationId, StringComparison.Ordinal));
        Assert.Equal("executed", isolation["result"]!.GetValue<string>());
    }

    [Fact]
    public void FakeTenant_ApproveNone_SendsNoWrite()
    {
        using var folder = new TempFiles();
        var outDirectory = Path.Combine(folder.Root, "out");

        var (exitCode, _, error) = CliRunner.Run("investigate", SamplesPath(), "--fake-tenant", "--approve", "none", "--playbooks", PlaybookFolder(), "--out", outDirectory);

        Assert.True(exitCode == 0, error);
        var requests = FakeRequests(outDirectory);
        Assert.NotEmpty(requests);
        Assert.DoesNotContain(requests, request => WriteMethods.Contains(request.Method));
    }

    [Fact]
    public void Investigate_TenantAndFakeTenant_IsUsageError()
    {
        using var folder = new TempFiles();
        var tenant = folder.Write("tenant.json", "{}");

        var (exitCode, _, error) = CliRunner.Run("investigate", SamplesPath(), "--fake-tenant", "--tenant", tenant, "--approve", "none", "--out", Path.Combine(folder.Root, "out"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("not both", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Investigate_ExecuteWithoutTenant_IsUsageError()
    {
        using var folder = new TempFiles();

        var (exitCode, _, error) = CliRunner.Run("investigate", SamplesPath(), "--execute", "--approve", "none", "--out", Path.Combine(folder.Root, "out"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--execute needs --tenant", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantSettings_MissingGraphUrl_NamesFileAndField()
    {
        using var folder = new TempFiles();
        var path = folder.Write("tenant.json", """{"defenderBaseAddress":"http://127.0.0.1:9/","credential":"fake"}""");

        var error = Assert.Throws<InvalidDataException>(() => InvestigateTenantSettings.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("graphBaseUrl", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TenantSettings_FakeCredentialNotLoopback_IsRejected()
    {
        using var folder = new TempFiles();
        var path = folder.Write("tenant.json", """{"graphBaseUrl":"https://graph.example.invalid/v1.0","defenderBaseAddress":"http://127.0.0.1:9/","credential":"fake"}""");

        var error = Assert.Throws<InvalidDataException>(() => InvestigateTenantSettings.Load(path));

        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantSettings_LoopbackFake_IsLoopback()
    {
        using var folder = new TempFiles();
        var path = folder.Write("tenant.json", """{"graphBaseUrl":"http://127.0.0.1:9/v1.0","defenderBaseAddress":"http://127.0.0.1:10/","credential":"fake"}""");

        var settings = InvestigateTenantSettings.Load(path);

        Assert.True(settings.IsLoopback);
    }

    private static List<(string Method, string Path)> FakeRequests(string outDirectory)
    {
        var snapshot = JsonNode.Parse(File.ReadAllText(Path.Combine(outDirectory, "state", "fake-tenant.json")))!;
        return [.. snapshot["requests"]!.AsArray().Select(request => (request!["method"]!.GetValue<string>(), request["path"]!.GetValue<string>().Split('?')[0]))];
    }

    private static List<JsonNode> AuditRecords(string outDirectory) =>
        [.. File.ReadLines(Path.Combine(outDirectory, "state", "audit.ndjson")).Select(line => JsonNode.Parse(line)!)];

    private static List<JsonNode> CaseActions(string outDirectory) =>
        [.. File.ReadLines(Path.Combine(outDirectory, "cases.ndjson")).SelectMany(line => JsonNode.Parse(line)!["actions"]!.AsArray().Select(action => action!))];

    private static string SamplesPath() => Path.Combine(RepositoryRoot(), "samples", "alerts");

    private static string PlaybookFolder() => Path.Combine(RepositoryRoot(), "playbooks");

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
