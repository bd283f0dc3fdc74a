using System.Text.RegularExpressions;
using AiSoc.Functions.Tests.Support;

namespace AiSoc.Functions.Tests;

/// <summary>
/// Checks infra/scripts/grant-permissions.sh: its permission lists against the table "Least privilege by identity"
/// in docs/integrations.md, and its behavior against a fake <c>az</c> in place of Microsoft Graph.
/// </summary>
// The script and the fake az are bash, so these tests run on Linux and macOS only.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class PermissionScriptTests : IDisposable
{
    private const string ScriptPath = "infra/scripts/grant-permissions.sh";
    private const string DocPath = "docs/integrations.md";
    private const string Enrichment = "enrichment-principal";
    private const string Containment = "containment-principal";

    private static readonly Dictionary<string, string> Identities = new()
    {
        ["AZURE_ENRICHMENT_PRINCIPAL_ID"] = Enrichment,
        ["AZURE_CONTAINMENT_PRINCIPAL_ID"] = Containment,
    };

    private static readonly string[] ScriptLists = ["ENRICHMENT_GRAPH", "ENRICHMENT_DEFENDER", "CONTAINMENT_GRAPH", "CONTAINMENT_DEFENDER"];

    private readonly FakeAzureCli az = new();

    public PermissionScriptTests()
    {
        az.AddApi(FakeAzureCli.GraphAppId, "graph", ScriptList("ENRICHMENT_GRAPH").Concat(ScriptList("CONTAINMENT_GRAPH")));
        az.AddApi(FakeAzureCli.DefenderAppId, "defender", ScriptList("ENRICHMENT_DEFENDER").Concat(ScriptList("CONTAINMENT_DEFENDER")));
    }

    [Theory]
    [InlineData("Enrichment", "Graph", "ENRICHMENT_GRAPH")]
    [InlineData("Enrichment", "Defender", "ENRICHMENT_DEFENDER")]
    [InlineData("Containment", "Graph", "CONTAINMENT_GRAPH")]
    [InlineData("Containment", "Defender", "CONTAINMENT_DEFENDER")]
    public void ScriptList_EqualsDocumentedTable(string identity, string api, string scriptList)
    {
        var documented = DocumentedPermissions()[(identity, api)].Order(StringComparer.Ordinal).ToList();

        var granted = ScriptList(scriptList).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(documented.SequenceEqual(granted), $"{ScriptPath} {scriptList} [{string.Join(", ", granted)}] differs from the {identity} {api} permissions in {DocPath} [{string.Join(", ", documented)}].");
    }

    [Fact]
    public void DocumentedTable_ListsEachIdentityAndApi()
    {
        var keys = DocumentedPermissions().Keys.ToList();

        Assert.Equal(4, keys.Count);
    }

    [Fact]
    public void DryRun_ListsEveryPermission_GrantsNothing()
    {
        var (exitCode, output, errors) = az.Run(Identities, "--dry-run");

        Assert.True(exitCode == 0, errors);
        Assert.Equal(TotalPermissions(), WouldGrant().Count(output));
        Assert.Contains("Dry run: nothing was granted.", output, StringComparison.Ordinal);
        Assert.Empty(az.Posts);
    }

    [Fact]
    public void Run_ExistingAssignment_IsSkipped()
    {
        az.AddAssignment(Enrichment, FakeAzureCli.GraphAppId, "graph-User.Read.All");

        var (exitCode, output, errors) = az.Run(Identities);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("enrichment identity: Microsoft Graph User.Read.All already granted.", output, StringComparison.Ordinal);
        Assert.Equal(TotalPermissions() - 1, az.Posts.Count);
        Assert.DoesNotContain(az.Posts, post => post.Contains($"\"principalId\":\"{Enrichment}\"", StringComparison.Ordinal) && post.Contains("\"graph-User.Read.All\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_Posts_NameIdentityApiAndRole()
    {
        var (exitCode, _, errors) = az.Run(Identities);

        Assert.True(exitCode == 0, errors);
        Assert.Contains($"{{\"principalId\":\"{Containment}\",\"resourceId\":\"sp-{FakeAzureCli.DefenderAppId}\",\"appRoleId\":\"defender-Machine.Isolate\"}}", az.Posts);
        Assert.Contains($"{{\"principalId\":\"{Enrichment}\",\"resourceId\":\"sp-{FakeAzureCli.GraphAppId}\",\"appRoleId\":\"graph-AuditLog.Read.All\"}}", az.Posts);
        Assert.DoesNotContain(az.Posts, post => post.Contains($"\"principalId\":\"{Enrichment}\"", StringComparison.Ordinal) && post.Contains("ReadWrite", StringComparison.Ordinal));
    }

    [Fact]
    public void SecondRun_PostsNothing()
    {
        var first = az.Run(Identities);
        var postsAfterFirstRun = az.Posts.Count;

        var (exitCode, output, errors) = az.Run(Identities);

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.True(exitCode == 0, errors);
        Assert.Equal(postsAfterFirstRun, az.Posts.Count);
        Assert.Equal(TotalPermissions(), AlreadyGranted().Count(output));
    }

    [Fact]
    public void CallerWithoutRole_FailsWithExplanation()
    {
        az.SetCallerRoles("fe930be7-5e62-47db-91af-98c3a49a38b1");

        var (exitCode, _, errors) = az.Run(Identities);

        Assert.Equal(1, exitCode);
        Assert.Contains("neither Privileged Role Administrator nor Global Administrator", errors, StringComparison.Ordinal);
        Assert.Empty(az.Posts);
    }

    [Fact]
    public void DryRunWithoutRole_WarnsAndLists()
    {
        az.SetCallerRoles();

        var (exitCode, output, errors) = az.Run(Identities, "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.Contains("warning: the signed-in user holds neither", errors, StringComparison.Ordinal);
        Assert.Equal(TotalPermissions(), WouldGrant().Count(output));
    }

    [Fact]
    public void MissingPrincipalId_FailsNamingOutput()
    {
        var (exitCode, _, errors) = az.Run(new Dictionary<string, string> { ["AZURE_CONTAINMENT_PRINCIPAL_ID"] = Containment });

        Assert.Equal(1, exitCode);
        Assert.Contains("AZURE_ENRICHMENT_PRINCIPAL_ID is not set", errors, StringComparison.Ordinal);
        Assert.Empty(az.Posts);
    }

    [Fact]
    public void MissingDefender_SkipsDefenderWithWarning()
    {
        File.Delete(Path.Combine(az.Folder, $"api-{FakeAzureCli.DefenderAppId}.tsv"));

        var (exitCode, _, errors) = az.Run(Identities);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("WindowsDefenderATP service principal", errors, StringComparison.Ordinal);
        Assert.Equal(ScriptList("ENRICHMENT_GRAPH").Count + ScriptList("CONTAINMENT_GRAPH").Count, az.Posts.Count);
    }

    [Fact]
    public void UnknownPermission_FailsNamingIt()
    {
        az.AddApi(FakeAzureCli.GraphAppId, "graph", ScriptList("ENRICHMENT_GRAPH").Concat(ScriptList("CONTAINMENT_GRAPH")).Where(permission => permission != "AuditLog.Read.All"));

        var (exitCode, _, errors) = az.Run(Identities);

        Assert.Equal(1, exitCode);
        Assert.Contains("Microsoft Graph has no application permission 'AuditLog.Read.All'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_IsRejected()
    {
        var (exitCode, _, errors) = az.Run(Identities, "--force");

        Assert.Equal(64, exitCode);
        Assert.Contains("unknown option '--force'", errors, StringComparison.Ordinal);
    }

    public void Dispose() => az.Dispose();

    private static int TotalPermissions() => ScriptLists.Sum(list => ScriptList(list).Count);

    /// <summary>Reads a bash array such as <c>ENRICHMENT_GRAPH=( … )</c> from the script, one name per line.</summary>
    private static List<string> ScriptList(string name)
    {
        var script = File.ReadAllText(RepositoryFiles.PathOf(ScriptPath));
        var match = Regex.Match(script, $@"^{name}=\(\s*\n(?<items>[\s\S]*?)^\)", RegexOptions.Multiline);
        Assert.True(match.Success, $"{ScriptPath} has no array {name}.");

        return [.. match.Groups["items"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>
    /// Parses the "Least privilege by identity" table: each Grant cell names an API ("Graph" or "Defender") followed
    /// by the permissions in backticks, and may name both APIs or an Azure role in bold, which is not an app role.
    /// </summary>
    private static Dictionary<(string Identity, string Api), HashSet<string>> DocumentedPermissions()
    {
        var doc = File.ReadAllText(RepositoryFiles.PathOf(DocPath));
        var start = doc.IndexOf("### Least privilege by identity", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{DocPath} has no section 'Least privilege by identity'.");

        var permissions = new Dictionary<(string, string), HashSet<string>>();
        var rows = doc[start..].Split('\n').SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).Skip(2);
        foreach (var row in rows)
        {
            var cells = row.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            Assert.True(cells.Length == 3, $"{DocPath}: table row '{row}' has {cells.Length} cells, expected Identity | Feature | Grant.");

            string? api = null;
            foreach (Match token in GrantToken().Matches(cells[2]))
            {
                if (token.Groups["api"].Success)
                {
                    api = token.Groups["api"].Value;
                    continue;
                }

                Assert.True(api is not null, $"{DocPath}: in row '{cells[1]}', `{token.Groups["name"].Value}` comes before the API name (Graph or Defender).");
                var key = (cells[0], api!);
                if (!permissions.TryGetValue(key, out var names))
                {
                    permissions[key] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(token.Groups["name"].Value);
            }
        }

        return permissions;
    }

    [GeneratedRegex(@"\b(?<api>Graph|Defender)\b|`(?<name>[A-Za-z]+(?:\.[A-Za-z]+)+)`")]
    private static partial Regex GrantToken();

    [GeneratedRegex("would grant ")]
    private static partial Regex WouldGrant();

    [GeneratedRegex(" already granted\\.")]
    private static partial Regex AlreadyGranted();
}
