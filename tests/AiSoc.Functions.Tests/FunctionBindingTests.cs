using System.Text.Json;
using System.Text.RegularExpressions;
using AiSoc.Functions.Ingestion;
using AiSoc.Functions.Tests.Support;

namespace AiSoc.Functions.Tests;

/// <summary>
/// Checks every setting a trigger binding names against the app settings that infra/app/functions.bicep defines,
/// so renaming a setting on one side fails here instead of in Azure. Bindings come from the functions.metadata
/// file the Worker SDK writes into the build output, which every build fills with all functions, the Event Hubs
/// trigger included.
/// </summary>
public sealed partial class FunctionBindingTests
{
    private static readonly Lazy<IReadOnlySet<string>> AppSettings = new(() => BicepAppSettings.Names);

    [Fact]
    public void Metadata_HttpAndTimerFunctions_ArePresent()
    {
        var names = Functions().Select(function => function.GetProperty("name").GetString()).ToList();

        Assert.Contains("SentinelIncident", names);
        Assert.Contains("ApprovalPage", names);
        Assert.Contains("InvestigationStatus", names);
        Assert.Contains("InvestigationReport", names);
        Assert.Contains("Health", names);
        Assert.Contains("GraphSecurityPoll", names);
        Assert.Contains("ScheduledTuning", names);
        Assert.Contains("AlertStream", names);
    }

    [Fact]
    public void Metadata_AlertStream_IsBatchedEventHubTriggerOnAppSettings()
    {
        var binding = Functions().Single(function => function.GetProperty("name").GetString() == "AlertStream")
            .GetProperty("bindings").EnumerateArray().Single();

        Assert.Equal("eventHubTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("Many", binding.GetProperty("cardinality").GetString());
        Assert.Equal(AlertStreamBinding.Connection, binding.GetProperty("connection").GetString());
        Assert.Equal(AlertStreamBinding.EventHubName, binding.GetProperty("eventHubName").GetString());
        Assert.Equal(AlertStreamBinding.ConsumerGroup, binding.GetProperty("consumerGroup").GetString());
    }

    [Fact]
    public void Metadata_SettingExpressions_AreAppSettings()
    {
        var expressions = Functions()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray().Select(binding => (Function: function.GetProperty("name").GetString(), Binding: binding)))
            .SelectMany(pair => StringValues(pair.Binding).SelectMany(SettingExpressions).Select(setting => (pair.Function, Setting: setting)))
            .ToList();

        Assert.NotEmpty(expressions);
        Assert.All(expressions, pair => AssertAppSetting(pair.Setting, $"function {pair.Function}"));
    }

    [Fact]
    public void Metadata_Connections_AreAppSettings()
    {
        var connections = Functions()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.TryGetProperty("connection", out _))
            .Select(binding => binding.GetProperty("connection").GetString()!)
            .ToList();

        Assert.All(connections, connection => AssertConnection(connection, "functions.metadata"));
    }

    [Fact]
    public void AlertStreamTrigger_SettingExpressions_AreAppSettings()
    {
        var expressions = new[] { AlertStreamBinding.EventHubName, AlertStreamBinding.ConsumerGroup }.SelectMany(SettingExpressions).ToList();

        Assert.Equal(2, expressions.Count);
        Assert.All(expressions, setting => AssertAppSetting(setting, "the AlertStream trigger"));
    }

    [Fact]
    public void AlertStreamTrigger_Connection_IsAppSetting()
    {
        AssertConnection(AlertStreamBinding.Connection, "the AlertStream trigger");
    }

    [Fact]
    public void AlertStreamTrigger_Attribute_UsesBindingConstants()
    {
        var source = File.ReadAllText(RepositoryFiles.PathOf("src/AiSoc.Functions/Ingestion/AlertStreamFunction.cs"));

        Assert.Contains("EventHubTrigger(AlertStreamBinding.EventHubName, Connection = AlertStreamBinding.Connection, ConsumerGroup = AlertStreamBinding.ConsumerGroup", source, StringComparison.Ordinal);
    }

    [Fact]
    public void TimerTriggers_HostStorage_IsAppSetting()
    {
        // Timer triggers keep their schedule locks in the host storage account named by AzureWebJobsStorage.
        AssertConnection("AzureWebJobsStorage", "the timer triggers");
    }

    [Theory]
    [InlineData("Storage__TableServiceUri")]
    [InlineData("Storage__ManagedIdentityClientId")]
    [InlineData("IncidentWebhook__Authentication__TenantId")]
    [InlineData("IncidentWebhook__Authentication__Audience")]
    [InlineData("Approvals__Authentication__TenantId")]
    [InlineData("Approvals__Authentication__Audience")]
    [InlineData("Approvals__AntiForgeryKey")]
    [InlineData("AlertStream__EventHubName")]
    public void StartupValidatedSetting_IsAppSetting(string setting)
    {
        Assert.Contains(setting, AppSettings.Value);
    }

    [Fact]
    public void ReadBicepAppSettings_FindsSettings()
    {
        Assert.True(AppSettings.Value.Count >= 20, $"Only {AppSettings.Value.Count} app settings found in infra/app/functions.bicep: {string.Join(", ", AppSettings.Value)}");
    }

    private static void AssertAppSetting(string configurationKey, string user)
    {
        // App Service passes settings as environment variables, where '__' stands for the configuration separator ':'.
        var setting = configurationKey.Replace(":", "__", StringComparison.Ordinal);
        Assert.True(AppSettings.Value.Contains(setting), $"{user} reads %{configurationKey}%, but infra/app/functions.bicep defines no app setting {setting}.");
    }

    // A connection is either one setting (a connection string) or an identity-based prefix with __ sub-settings.
    private static void AssertConnection(string connection, string user)
    {
        var identityBased = AppSettings.Value.Any(setting => setting.StartsWith(connection + "__", StringComparison.Ordinal));
        Assert.True(
            AppSettings.Value.Contains(connection) || identityBased,
            $"{user} uses connection '{connection}', but infra/app/functions.bicep defines neither {connection} nor {connection}__* settings.");
    }

    private static IEnumerable<string> SettingExpressions(string value) =>
        SettingExpression().Matches(value).Select(match => match.Groups[1].Value);

    private static IEnumerable<string> StringValues(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => StringValues(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringValues),
        _ => [],
    };

    private static List<JsonElement> Functions()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} not found; the Worker SDK writes it when AiSoc.Functions builds.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(function => function.Clone())];
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingExpression();
}
