using AiSoc.Core.Response;

namespace AiSoc.Core.Tests.Response;

public class PlaybookLoaderTests
{
    private const string ValidAction = """
          - id: revoke
            type: revoke-sessions
            target: account
            impact: low
            approvalTimeout: PT1H
            escalateTo: soc-tier2
        """;

    [Fact]
    public void LoadFolder_ShippedPlaybooks_LoadsAllFive()
    {
        var catalog = ResponseFixtures.ShippedPlaybooks();

        Assert.Equal(
            ["compromised-account", "endpoint-malware", "golden-saml", "oauth-consent", "phishing-url-click"],
            catalog.Playbooks.Select(playbook => playbook.Id));
    }

    [Fact]
    public void LoadFolder_GoldenSaml_HasTwoRotations()
    {
        var goldenSaml = ResponseFixtures.ShippedPlaybooks().Find("golden-saml")!;

        var rotations = goldenSaml.Actions.Where(action => action.Id.StartsWith("rotate-signing-certificate", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, rotations.Count);
        Assert.All(rotations, action => Assert.Equal(ResponseActionType.ManualTask, action.Type));
        Assert.All(rotations, action => Assert.Equal("Identity.Admin", action.ConfirmRole));
        Assert.Contains("T1606.002", goldenSaml.Match.Techniques);
    }

    [Fact]
    public void LoadFiles_UnknownType_NamesField()
    {
        var yaml = Playbook(ValidAction.Replace("revoke-sessions", "wipe-device", StringComparison.Ordinal));

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("bad.yaml", yaml)]));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("bad.yaml", problem.File);
        Assert.Equal("actions[0].type", problem.Field);
        Assert.Contains("wipe-device", problem.Message, StringComparison.Ordinal);
        Assert.Contains("bad.yaml: actions[0].type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFiles_WrongTargetKind_NamesTarget()
    {
        var yaml = Playbook(ValidAction.Replace("target: account", "target: host", StringComparison.Ordinal));

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("bad.yaml", yaml)]));

        Assert.Equal("actions[0].target", Assert.Single(error.Errors).Field);
    }

    [Theory]
    [InlineData("impact: low", "impact: severe", "actions[0].impact")]
    [InlineData("approvalTimeout: PT1H", "approvalTimeout: 1 hour", "actions[0].approvalTimeout")]
    [InlineData("approvalTimeout: PT1H", "approvalTimeout: P30D", "actions[0].approvalTimeout")]
    [InlineData("escalateTo: soc-tier2", "escalateTo: ''", "actions[0].escalateTo")]
    [InlineData("id: revoke", "id: Revoke Sessions", "actions[0].id")]
    public void LoadFiles_InvalidActionField_NamesField(string original, string replacement, string expectedField)
    {
        var yaml = Playbook(ValidAction.Replace(original, replacement, StringComparison.Ordinal));

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("bad.yaml", yaml)]));

        Assert.Equal(expectedField, Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void LoadFiles_ManualTaskNoRole_NamesConfirmRole()
    {
        var action = """
              - id: call-user
                type: manual-task
                target: account
                impact: low
                task: Call the user.
                approvalTimeout: PT1H
                escalateTo: soc-tier2
            """;

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("manual.yaml", Playbook(action))]));

        Assert.Equal("actions[0].confirmRole", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void LoadFiles_UnknownField_ReportsLine()
    {
        var yaml = Playbook(ValidAction + "\n    colour: red\n");

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("typo.yaml", yaml)]));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("typo.yaml", problem.File);
        Assert.StartsWith("line ", problem.Field, StringComparison.Ordinal);
        Assert.Contains("colour", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFiles_EmptyMatch_NamesMatch()
    {
        var yaml = Playbook(ValidAction).Replace("  tactics: [InitialAccess]\n", "  minimumVerdict: malicious\n", StringComparison.Ordinal);

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("empty-match.yaml", yaml)]));

        Assert.Equal("match", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void LoadFiles_InvalidTechnique_NamesListItem()
    {
        var yaml = Playbook(ValidAction).Replace("tactics: [InitialAccess]", "techniques: [T1078, 1110]", StringComparison.Ordinal);

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("technique.yaml", yaml)]));

        Assert.Equal("match.techniques[1]", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public void LoadFiles_DuplicateId_NamesSecondFile()
    {
        var yaml = Playbook(ValidAction);

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("a.yaml", yaml), ("b.yaml", yaml)]));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("b.yaml", problem.File);
        Assert.Equal("id", problem.Field);
        Assert.Contains("a.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFiles_TwoBadFiles_ReportsBoth()
    {
        var bad = Playbook(ValidAction.Replace("impact: low", "impact: huge", StringComparison.Ordinal));

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFiles([("one.yaml", bad), ("two.yaml", bad.Replace("id: test", "id: other", StringComparison.Ordinal))]));

        Assert.Equal(["one.yaml", "two.yaml"], error.Errors.Select(problem => problem.File));
    }

    [Fact]
    public void LoadFolder_MissingFolder_NamesFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aisoc-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<PlaybookValidationException>(() => PlaybookLoader.LoadFolder(folder));

        Assert.Equal(folder, Assert.Single(error.Errors).File);
    }

    private static string Playbook(string actions) => $"""
        id: test
        name: Test playbook
        match:
          tactics: [InitialAccess]
        actions:
        {actions}
        """;
}
