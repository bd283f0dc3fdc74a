using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiSoc.Approvals;
using AiSoc.Functions.Approvals;
using AiSoc.Functions.Graph;
using AiSoc.Functions.Hosting;
using AiSoc.Functions.Incidents;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Investigations;
using AiSoc.Functions.Operations;
using AiSoc.Functions.Status;
using AiSoc.Functions.Tests.Support;
using AiSoc.Functions.Tuning;
using AiSoc.Integrations;
using AiSoc.Integrations.Teams;
using AiSoc.Integrations.WriteBack;
using AiSoc.Investigations;
using AiSoc.Narratives;

namespace AiSoc.Functions.Tests;

/// <summary>
/// Checks that every app setting infra/app/functions.bicep defines is read by the code or by the Functions host,
/// and that every entry of local.settings.sample.json is in the template or is local-only. The settings the code
/// reads come from the options classes: each section constant plus the public property names, flattened with
/// <c>__</c> as App Service writes them.
/// </summary>
public sealed partial class AppSettingsTests
{
    private static readonly (string Section, Type Options)[] OptionsSections =
    [
        (TableStorageOptions.SectionName, typeof(TableStorageOptions)),
        (AlertStreamOptions.SectionName, typeof(AlertStreamOptions)),
        (GraphPollingOptions.SectionName, typeof(GraphPollingOptions)),
        (CallerAuthenticationOptions.SectionName, typeof(CallerAuthenticationOptions)),
        (ApprovalRouteOptions.SectionName, typeof(ApprovalRouteOptions)),
        (ApproverAuthenticationOptions.SectionName, typeof(ApproverAuthenticationOptions)),
        (OperationsOptions.SectionName, typeof(OperationsOptions)),
        (ScheduledTuningOptions.SectionName, typeof(ScheduledTuningOptions)),
        (InvestigationOptions.SectionName, typeof(InvestigationOptions)),
        (GraphOptions.SectionName, typeof(GraphOptions)),
        (DefenderOptions.SectionName, typeof(DefenderOptions)),
        (SentinelOptions.SectionName, typeof(SentinelOptions)),
        (IntegrationIdentities.SectionName, typeof(IntegrationIdentities)),
        (TeamsNotifierOptions.SectionName, typeof(TeamsNotifierOptions)),
        (InvestigationStatusOptions.SectionName, typeof(InvestigationStatusOptions)),
        // NarrativeOptions has no section constant; the narrative writer is configured from "Narratives".
        ("Narratives", typeof(NarrativeOptions)),
    ];

    // Read by the Functions host, its extensions or the telemetry exporter, not by options classes.
    private static readonly string[] HostSettings =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "DurableTaskHubName",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "AlertStream__fullyQualifiedNamespace",
        "AlertStream__credential",
        "AlertStream__clientId",
    ];

    // Sample entries the template leaves out on purpose, each with the reason.
    private static readonly Dictionary<string, string> LocalOnlySettings = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption sets the runtime in functionAppConfig.runtime",
        ["AzureWebJobsStorage"] = "Azure uses the identity-based AzureWebJobsStorage__* settings",
        ["Storage__ConnectionString"] = "Azurite connection string; Azure uses Storage__TableServiceUri",
        ["IncidentWebhook__Authentication__MetadataAddress"] = "points token checks at a local OpenID Connect document",
        ["Tuning__ConfigPath"] = "thresholds file on a local disk; the default thresholds apply in Azure",
        ["Tuning__OutcomesPath"] = "folder of case records for local runs; in Azure the run reads them from Table Storage",
        ["Tuning__OutputPath"] = "report folder for local runs",
    };

    [Fact]
    public void TemplateSettings_AreReadByCodeOrHost()
    {
        var known = CodeSettings().Concat(HostSettings).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unknown = BicepAppSettings.Names.Where(setting => !known.Contains(IndexFree(setting))).ToList();

        Assert.True(unknown.Count == 0, $"{BicepAppSettings.RelativePath} defines settings that no options class or host reads: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void SampleSettings_AreInTemplateOrLocalOnly()
    {
        var template = BicepAppSettings.Names.Select(IndexFree).ToHashSet(StringComparer.Ordinal);

        var missing = SampleSettings().Where(setting => !template.Contains(IndexFree(setting)) && !LocalOnlySettings.ContainsKey(setting)).ToList();

        Assert.True(missing.Count == 0, $"local.settings.sample.json has settings that {BicepAppSettings.RelativePath} does not define and that are not marked local-only: {string.Join(", ", missing)}");
    }

    [Fact]
    public void SampleSettings_AreReadByCodeOrHost()
    {
        var known = CodeSettings().Concat(HostSettings).Concat(LocalOnlySettings.Keys)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unknown = SampleSettings().Where(setting => !known.Contains(IndexFree(setting))).ToList();

        Assert.True(unknown.Count == 0, $"local.settings.sample.json has settings that no options class or host reads: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void LocalOnlySettings_AreInSample()
    {
        var sample = SampleSettings().ToHashSet(StringComparer.Ordinal);

        Assert.All(LocalOnlySettings.Keys, setting => Assert.Contains(setting, sample));
    }

    [Theory]
    [InlineData("Tuning__OutcomesPath")]
    [InlineData("Tuning__OutputPath")]
    public void Template_RemovedTuningPath_IsAbsent(string setting)
    {
        Assert.DoesNotContain(setting, BicepAppSettings.Names);
    }

    [Fact]
    public void CodeSettings_FlattenNestedAndListOptions()
    {
        var settings = CodeSettings().ToList();

        Assert.Contains("Approvals__Authentication__Audience", settings);
        Assert.Contains("IncidentWebhook__Authentication__AllowedApplicationIds__0", settings);
        Assert.Contains("Investigations__DryRun", settings);
        Assert.Contains("Integrations__Sentinel__AllowStatusUpdate", settings);
        Assert.Contains("Narratives__Deployment", settings);
    }

    private static IEnumerable<string> CodeSettings() =>
        OptionsSections.SelectMany(entry => Flatten(entry.Section.Replace(":", "__", StringComparison.Ordinal), entry.Options));

    // The configuration binder sets public properties with a setter, and fills collections that only have a getter.
    private static IEnumerable<string> Flatten(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = $"{prefix}__{property.Name}";
            var propertyType = property.PropertyType;

            if (IsScalar(propertyType))
            {
                if (property.CanWrite)
                {
                    yield return name;
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return name + "__0";
            }
            else
            {
                foreach (var nested in Flatten(name, propertyType))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(Uri)
            || underlying == typeof(TimeSpan) || underlying == typeof(decimal) || underlying == typeof(DateTimeOffset);
    }

    private static IEnumerable<string> SampleSettings()
    {
        var path = RepositoryFiles.PathOf("local.settings.sample.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.True(document.RootElement.TryGetProperty("Values", out var values), $"{path} has no Values object.");
        return [.. values.EnumerateObject().Select(property => property.Name.Replace(":", "__", StringComparison.Ordinal))];
    }

    // List entries carry an index (AllowedApplicationIds__3); compare them as entry 0.
    private static string IndexFree(string setting) => TrailingIndex().Replace(setting, "__0");

    [GeneratedRegex(@"__\d+$")]
    private static partial Regex TrailingIndex();
}
