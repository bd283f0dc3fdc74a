using System.Diagnostics;

namespace AiSoc.Functions.Tests.Support;

/// <summary>
/// A folder with a fake <c>az</c> (and an <c>azd</c> that returns no values) for running infra/scripts/grant-permissions.sh.
/// The fake answers the script's <c>az rest</c> calls from files in the same folder: the caller's directory role
/// template ids, each API's application permissions, and each identity's app role assignments. A POST appends the
/// assignment to that identity's file and to posts.log, so a second run sees it. Nothing is sent over the network.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class FakeAzureCli : IDisposable
{
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string DefenderAppId = "fc780465-2017-40d4-a0c5-307022471b92";
    public const string PrivilegedRoleAdministrator = "e8611ab8-c189-46e8-94e1-60213ab1f814";

    private const string AzScript = """
        #!/usr/bin/env bash
        echo "$*" >> "$FAKE_AZ_DIR/calls.log"
        method= url= query= body=
        while [[ $# -gt 0 ]]; do
          case "$1" in
            --method) method=$2; shift ;;
            --url) url=$2; shift ;;
            --query) query=$2; shift ;;
            --body) body=$2; shift ;;
          esac
          shift
        done
        case "$method $url" in
          "get "*"/me/transitiveMemberOf/"*)
            cat "$FAKE_AZ_DIR/roles.tsv" ;;
          "get "*"/servicePrincipals(appId='"*)
            app=${url#*appId=\'}; app=${app%%\'*}
            [[ -f "$FAKE_AZ_DIR/api-$app.tsv" ]] || { echo "ERROR: Resource '$app' does not exist." >&2; exit 1; }
            if [[ "$query" == "id" ]]; then echo "sp-$app"; else cat "$FAKE_AZ_DIR/api-$app.tsv"; fi ;;
          "get "*"/appRoleAssignments")
            principal=${url%/appRoleAssignments}; principal=${principal##*/}
            cat "$FAKE_AZ_DIR/assignments-$principal.tsv" 2> /dev/null || true ;;
          "post "*"/appRoleAssignments")
            principal=${url%/appRoleAssignments}; principal=${principal##*/}
            echo "$body" >> "$FAKE_AZ_DIR/posts.log"
            resource=$(sed -E 's/.*"resourceId":"([^"]*)".*/\1/' <<< "$body")
            role=$(sed -E 's/.*"appRoleId":"([^"]*)".*/\1/' <<< "$body")
            printf '%s\t%s\n' "$resource" "$role" >> "$FAKE_AZ_DIR/assignments-$principal.tsv" ;;
          *)
            echo "ERROR: the fake az has no answer for $method $url" >&2; exit 1 ;;
        esac
        """;

    public FakeAzureCli()
    {
        Folder = Directory.CreateTempSubdirectory("aisoc-fake-az-").FullName;
        WriteExecutable("az", AzScript);
        WriteExecutable("azd", "#!/usr/bin/env bash\nexit 1\n");
        SetCallerRoles(PrivilegedRoleAdministrator);
    }

    public string Folder { get; }

    public IReadOnlyList<string> Posts =>
        File.Exists(PathOf("posts.log")) ? File.ReadAllLines(PathOf("posts.log")) : [];

    public void SetCallerRoles(params string[] roleTemplateIds) =>
        File.WriteAllLines(PathOf("roles.tsv"), roleTemplateIds);

    /// <summary>Creates the API's service principal (id <c>sp-{appId}</c>) with the app role id <c>{prefix}-{permission}</c> per permission.</summary>
    public void AddApi(string appId, string rolePrefix, IEnumerable<string> permissions) =>
        File.WriteAllLines(PathOf($"api-{appId}.tsv"), permissions.Distinct().Select(permission => $"{permission}\t{rolePrefix}-{permission}"));

    public void AddAssignment(string principalId, string appId, string appRoleId) =>
        File.AppendAllLines(PathOf($"assignments-{principalId}.tsv"), [$"sp-{appId}\t{appRoleId}"]);

    /// <summary>Runs the script with the fake first on PATH and returns the exit code and both outputs.</summary>
    public (int ExitCode, string Output, string Errors) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryFiles.PathOf("infra/scripts/grant-permissions.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = $"{Folder}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["FAKE_AZ_DIR"] = Folder;
        start.Environment.Remove("AZURE_ENRICHMENT_PRINCIPAL_ID");
        start.Environment.Remove("AZURE_CONTAINMENT_PRINCIPAL_ID");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("grant-permissions.sh did not exit within 60 seconds.");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string PathOf(string name) => Path.Combine(Folder, name);

    private void WriteExecutable(string name, string content)
    {
        File.WriteAllText(PathOf(name), content.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(PathOf(name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
