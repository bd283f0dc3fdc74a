using System.Text.Json;
using System.Text.RegularExpressions;
using AiSoc.Functions.Tests.Support;

namespace AiSoc.Functions.Tests;

/// <summary>Compiles infra/main.bicep with the Bicep CLI from NuGet and checks the template it produces.</summary>
public sealed partial class InfrastructureTests
{
    private static readonly Lazy<(int ExitCode, string Template, string Diagnostics)> Build = new(CompileMainBicep);

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

    private static JsonElement Template() => JsonDocument.Parse(Build.Value.Template).RootElement;

    private static (int, string, string) CompileMainBicep() => BicepCli.Build("infra/main.bicep");

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex UpperSnake();
}
