using System.Text.Json;
using System.Text.RegularExpressions;
using AiSoc.Functions.Tests.Support;

namespace AiSoc.Functions.Tests;

/// <summary>Compiles the Bicep files with the Bicep CLI from NuGet and checks the template infra/main.bicep produces.</summary>
public sealed partial class InfrastructureTests
{
    private static readonly Lazy<(int ExitCode, string Template, string Diagnostics)> Build = new(CompileMainBicep);

    private static readonly string[] BicepFolders = ["infra", "playbooks"];

    [Fact]
    public void MainBicep_Build_HasNoErrorsOrWarnings()
    {
        var (exitCode, _, diagnostics) = Build.Value;

        Assert.True(exitCode == 0, $"bicep build failed with exit code {exitCode}:\n{diagnostics}");
        Assert.True(string.IsNullOrWhiteSpace(diagnostics), $"bicep build reported diagnostics:\n{diagnostics}");
    }

    [Fact]
    public void MainBicep_Outputs_AreUpperSnakeCase()
    {
        var outputs = Template().GetProperty("outputs").EnumerateObject().Select(output => output.Name).ToList();

        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs);
        Assert.All(outputs, name => Assert.Matches(UpperSnake(), name));
    }

    [Theory]
    [InlineData("\"allowSharedKeyAccess\": false")]
    [InlineData("\"allowBlobPublicAccess\": false")]
    [InlineData("\"disableLocalAuth\": true")]
    [InlineData("\"DisableLocalAuth\": true")]
    [InlineData("\"tier\": \"FlexConsumption\"")]
    [InlineData("\"name\": \"dotnet-isolated\"")]
    [InlineData("AzureWebJobsStorage__credential")]
    public void MainBicep_Template_ContainsSecuritySetting(string expected)
    {
        var template = Build.Value.Template;

        Assert.Contains(expected, template, StringComparison.Ordinal);
    }

    [Fact]
    public void MainBicep_AppSettings_HaveNoKeys()
    {
        var template = Build.Value.Template;

        Assert.DoesNotContain("AccountKey=", template, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", template, StringComparison.Ordinal);
        Assert.DoesNotContain("SharedAccessKey", template, StringComparison.Ordinal);
    }

    // bicep build reports the diagnostics of every module a file uses, so building main.bicep and the two playbooks
    // checks each Bicep file once. A new file that none of them reaches would go unchecked.
    [Fact]
    public void BicepFiles_AreEachCompiledByATest()
    {
        var main = File.ReadAllText(RepositoryFiles.PathOf("infra/main.bicep"));
        string[] compiledDirectly = ["infra/main.bicep", LogicAppTemplateTests.RelativePath, AutomationRuleTemplateTests.RelativePath];

        var uncompiled = BicepFiles()
            .Where(path => !compiledDirectly.Contains(path) && !main.Contains($"'{Path.GetRelativePath("infra", path).Replace('\\', '/')}'", StringComparison.Ordinal))
            .ToList();

        Assert.True(uncompiled.Count == 0, $"No test compiles these Bicep files: {string.Join(", ", uncompiled)}. Use them from infra/main.bicep or add a build test.");
    }

    [Fact]
    public void FunctionApp_Identities_AreHostEnrichmentAndContainment()
    {
        var identities = FunctionApp().GetProperty("identity").GetProperty("userAssignedIdentities").EnumerateObject().Select(identity => identity.Name).ToList();

        Assert.Equal(3, identities.Count);
        Assert.Contains("[format('{0}', parameters('identityId'))]", identities);
        Assert.Contains("[format('{0}', parameters('enrichmentIdentityId'))]", identities);
        Assert.Contains("[format('{0}', parameters('containmentIdentityId'))]", identities);
    }

    [Fact]
    public void FunctionApp_KeyVaultReferences_UseHostIdentity()
    {
        var properties = FunctionApp().GetProperty("properties");

        Assert.Equal("[parameters('identityId')]", properties.GetProperty("keyVaultReferenceIdentity").GetString());
    }

    [Fact]
    public void MainBicep_Identities_AreThreeModules()
    {
        var identityModules = ArmTemplate.ResourcesOfType(Template(), "Microsoft.Resources/deployments")
            .Select(deployment => deployment.GetProperty("name").GetString())
            .Where(name => name!.StartsWith("identity-", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(["identity-host", "identity-enrichment", "identity-containment"], identityModules);
    }

    [Theory]
    [InlineData("identityClientId", "identity-host")]
    [InlineData("enrichmentClientId", "identity-enrichment")]
    [InlineData("containmentClientId", "identity-containment")]
    public void FunctionsModule_ClientId_ComesFromItsIdentity(string parameter, string identityModule)
    {
        var value = ModuleParameter("functions", parameter);

        Assert.Contains($"'{identityModule}'", value, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.clientId.value]", value, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyVault_Properties_AreRbacWithPurgeProtection()
    {
        var properties = ArmTemplate.Resource(ModuleTemplate("keyvault"), "Microsoft.KeyVault/vaults").GetProperty("properties");

        Assert.True(properties.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(properties.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(properties.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.Equal(0, properties.GetProperty("accessPolicies").GetArrayLength());
    }

    [Fact]
    public void KeyVault_Secret_HoldsAntiForgeryKey()
    {
        var secret = ArmTemplate.Resource(ModuleTemplate("keyvault"), "Microsoft.KeyVault/vaults/secrets");

        Assert.Contains("approval-anti-forgery-key", secret.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("[parameters('approvalAntiForgeryKey')]", secret.GetProperty("properties").GetProperty("value").GetString());
        Assert.Equal("securestring", ModuleTemplate("keyvault").GetProperty("parameters").GetProperty("approvalAntiForgeryKey").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("keyvault", "4633458b-17de-408a-b874-0445c86b69e6", "readerPrincipalId", null)]
    [InlineData("keyvault", "b86a8fe4-44ce-4948-aee5-eccb2c155cd7", "operatorPrincipalId", "[not(empty(parameters('operatorPrincipalId')))]")]
    [InlineData("openai", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "userPrincipalId", null)]
    public void Module_RoleAssignment_GoesToPrincipal(string module, string roleId, string principalParameter, string? condition)
    {
        var assignment = RoleAssignment(ModuleTemplate(module), roleId);

        Assert.Equal($"[parameters('{principalParameter}')]", assignment.GetProperty("properties").GetProperty("principalId").GetString());
        Assert.Equal(condition, assignment.TryGetProperty("condition", out var value) ? value.GetString() : null);
    }

    [Fact]
    public void KeyVaultModule_Operator_IsDeployingUser()
    {
        Assert.Equal("[parameters('principalId')]", ModuleParameter("keyvault", "operatorPrincipalId"));
    }

    [Fact]
    public void MainParameters_PrincipalId_ComesFromAzd()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("infra/main.parameters.json")));

        var value = document.RootElement.GetProperty("parameters").GetProperty("principalId").GetProperty("value").GetString();

        Assert.Equal("${AZURE_PRINCIPAL_ID}", value);
    }

    [Fact]
    public void OpenAI_Module_IsOptional()
    {
        var module = ArmTemplate.Module(Template(), "openai");
        var parameter = Template().GetProperty("parameters").GetProperty("deployOpenAI");

        Assert.Equal("[parameters('deployOpenAI')]", module.GetProperty("condition").GetString());
        Assert.False(parameter.GetProperty("defaultValue").GetBoolean());
    }

    [Fact]
    public void OpenAI_Account_HasNoLocalAuth()
    {
        var account = ArmTemplate.Resource(ModuleTemplate("openai"), "Microsoft.CognitiveServices/accounts");
        var properties = account.GetProperty("properties");

        Assert.Equal("OpenAI", account.GetProperty("kind").GetString());
        Assert.True(properties.GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal("[parameters('customSubDomainName')]", properties.GetProperty("customSubDomainName").GetString());
    }

    [Fact]
    public void OpenAI_Deployment_UsesModelParameters()
    {
        var deployment = ArmTemplate.Resource(ModuleTemplate("openai"), "Microsoft.CognitiveServices/accounts/deployments");
        var model = deployment.GetProperty("properties").GetProperty("model");

        Assert.Equal("[parameters('modelName')]", model.GetProperty("name").GetString());
        Assert.Equal("[parameters('modelVersion')]", model.GetProperty("version").GetString());
        Assert.Equal("[parameters('capacity')]", deployment.GetProperty("sku").GetProperty("capacity").GetString());
    }

    [Fact]
    public void SentinelRoles_Module_IsOptional()
    {
        var module = ArmTemplate.ModuleNamed(Template(), "sentinel-roles");

        Assert.Equal("[not(empty(parameters('sentinelWorkspaceResourceId')))]", module.GetProperty("condition").GetString());
    }

    [Fact]
    public void SentinelRoles_Module_TargetsWorkspaceGroup()
    {
        var module = ArmTemplate.ModuleNamed(Template(), "sentinel-roles");

        Assert.Equal("[variables('sentinelWorkspaceSegments')[2]]", module.GetProperty("subscriptionId").GetString());
        Assert.Equal("[variables('sentinelWorkspaceSegments')[4]]", module.GetProperty("resourceGroup").GetString());
    }

    [Theory]
    [InlineData("8d289c81-5878-46d4-8554-54e1e3d8b5cb", "enrichmentPrincipalId")]
    [InlineData("3e150937-b8fe-4cfb-8069-0eaf05ecd056", "containmentPrincipalId")]
    public void SentinelRoles_Assignment_GoesToIdentity(string roleId, string principalParameter)
    {
        var template = ArmTemplate.ModuleTemplate(ArmTemplate.ModuleNamed(Template(), "sentinel-roles"));

        var assignment = RoleAssignment(template, roleId);

        Assert.Equal($"[parameters('{principalParameter}')]", assignment.GetProperty("properties").GetProperty("principalId").GetString());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", assignment.GetProperty("scope").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DryRun_DefaultsToTrue()
    {
        var parameter = Template().GetProperty("parameters").GetProperty("dryRun");

        Assert.True(parameter.GetProperty("defaultValue").GetBoolean());
    }

    [Theory]
    [InlineData("AZURE_ENRICHMENT_PRINCIPAL_ID")]
    [InlineData("AZURE_CONTAINMENT_PRINCIPAL_ID")]
    [InlineData("AZURE_KEY_VAULT_NAME")]
    public void MainBicep_Outputs_IncludeValueTheScriptsRead(string output)
    {
        var outputs = Template().GetProperty("outputs").EnumerateObject().Select(property => property.Name).ToList();

        Assert.Contains(output, outputs);
    }

    [Fact]
    public void FunctionsBicep_SecretSettings_AreKeyVaultReferences()
    {
        var bicep = File.ReadAllText(RepositoryFiles.PathOf("infra/app/functions.bicep"));

        Assert.Contains("{ name: 'Approvals__AntiForgeryKey', value: approvalKeyReference }", bicep, StringComparison.Ordinal);
        Assert.Contains("{ name: 'Notifications__Teams__WebhookUrl', value: teamsWorkflowReference }", bicep, StringComparison.Ordinal);
        Assert.Contains("var approvalKeyReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=", bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("approvalAntiForgeryKey", ModuleTemplate("functions").GetProperty("parameters").EnumerateObject().Select(parameter => parameter.Name));
    }

    [Theory]
    [InlineData("createObject('name', 'Investigations__ApprovalPageBaseUrl', 'value', format('https://{0}/api/approvals/', reference(resourceId('Microsoft.Web/sites', parameters('appName'))")]
    [InlineData("createObject('name', 'Investigations__DryRun', 'value', if(parameters('dryRun'), 'true', 'false'))")]
    [InlineData("createObject('name', 'Integrations__Sentinel__WorkspaceResourceId', 'value', parameters('sentinelWorkspaceResourceId'))")]
    public void FunctionsModule_AppSettings_ContainSetting(string expected)
    {
        var settings = ArmTemplate.Resource(ModuleTemplate("functions"), "Microsoft.Web/sites/config").GetProperty("properties").GetString();

        Assert.Contains(expected, settings, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionsModule_NarrativeSettings_OnlyWithOpenAI()
    {
        var narrativeSettings = ModuleTemplate("functions").GetProperty("variables").GetProperty("narrativeSettings").GetString();

        // A conditional module's output compiles to one expression for the whole parameter object.
        var endpoint = ArmTemplate.Module(Template(), "functions").GetProperty("properties").GetProperty("parameters").GetProperty("openAIEndpoint").GetString();

        Assert.StartsWith("[if(empty(parameters('openAIEndpoint')), createArray(), ", narrativeSettings, StringComparison.Ordinal);
        Assert.Contains("'Narratives__CredentialKind', 'value', 'TokenCredential'", narrativeSettings, StringComparison.Ordinal);
        Assert.StartsWith("[if(parameters('deployOpenAI'), ", endpoint, StringComparison.Ordinal);
        Assert.Contains("'openai'), '2025-04-01').outputs.endpoint.value), createObject('value', ''))]", endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureYaml_PostProvision_RunsPermissionScript()
    {
        var yaml = File.ReadAllText(RepositoryFiles.PathOf("azure.yaml"));

        Assert.Matches(PostProvisionHook(), yaml);
    }

    private static List<string> BicepFiles() =>
        [.. BicepFolders
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryFiles.PathOf(folder), "*.bicep", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static JsonElement FunctionApp() => ArmTemplate.Resource(ModuleTemplate("functions"), "Microsoft.Web/sites");

    private static JsonElement ModuleTemplate(string module) => ArmTemplate.ModuleTemplate(ArmTemplate.Module(Template(), module));

    private static string ModuleParameter(string module, string parameter) =>
        ArmTemplate.Module(Template(), module).GetProperty("properties").GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()!;

    private static JsonElement RoleAssignment(JsonElement template, string roleId) =>
        ArmTemplate.ResourcesOfType(template, "Microsoft.Authorization/roleAssignments")
            .Single(assignment => JsonSerializer.Serialize(assignment.GetProperty("properties").GetProperty("roleDefinitionId")).Contains(roleId, StringComparison.Ordinal)
                || RoleVariable(template, assignment) == roleId);

    // Role ids sit in variables (roleDefinitionId: subscriptionResourceId(..., variables('name'))); resolve that name.
    private static string? RoleVariable(JsonElement template, JsonElement assignment)
    {
        var expression = assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!;
        var match = VariableReference().Match(expression);
        return match.Success && template.TryGetProperty("variables", out var variables) && variables.TryGetProperty(match.Groups[1].Value, out var value)
            ? value.GetString()
            : null;
    }

    private static JsonElement Template() => JsonDocument.Parse(Build.Value.Template).RootElement;

    private static (int, string, string) CompileMainBicep() => BicepCli.Build("infra/main.bicep");

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex(@"variables\('([A-Za-z0-9]+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"hooks:\s*\n(?:\s*#.*\n)*\s+postprovision:[\s\S]*run:\s*bash infra/scripts/grant-permissions\.sh")]
    private static partial Regex PostProvisionHook();
}
