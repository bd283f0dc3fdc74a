using System.Reflection;
using System.Text.Json;
using AiSoc.Approvals;
using AiSoc.Core.Response;
using AiSoc.Functions.Investigations;
using AiSoc.Functions.Tests.Support;
using AiSoc.Investigations;
using AiSoc.Investigations.Activities;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Functions.Tests;

public sealed class InvestigationFunctionsTests
{
    [Fact]
    public void Metadata_Orchestrator_HasOrchestrationTrigger()
    {
        var triggers = TriggerTypes();

        Assert.Equal("orchestrationTrigger", triggers[nameof(InvestigationOrchestrator)]);
    }

    [Fact]
    public void Metadata_EverySharedActivity_HasActivityTrigger()
    {
        var triggers = TriggerTypes();
        var activities = typeof(InvestigationOrchestrator).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsClass: true } && IsActivity(type))
            .Select(type => type.Name)
            .ToList();

        Assert.Equal(11, activities.Count);
        Assert.All(activities, name => Assert.Equal("activityTrigger", triggers.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task ReadApproval_Wrapper_RunsSharedActivity()
    {
        var store = new InMemoryApprovalStore();
        await store.CreateAsync(PendingRequest());
        using var services = new ServiceCollection().AddSingleton<IApprovalStore>(store).BuildServiceProvider();
        var context = new FakeFunctionContext(new Dictionary<string, object?>()) { InstanceServices = services };

        var state = await InvestigationActivityFunctions.ReadApprovalAsync("apr-0001", "inv-1a2b3c4d5e6f7a8b9c0d", context);

        Assert.Equal("apr-0001", state.ApprovalId);
        Assert.Equal(ApprovalStatus.Pending, state.Status);
    }

    [Fact]
    public void Wrapper_ActivityNames_MatchClassNames()
    {
        var functionNames = typeof(InvestigationActivityFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(method => method.GetCustomAttribute<Microsoft.Azure.Functions.Worker.FunctionAttribute>()?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains(nameof(ReadApprovalActivity), functionNames);
        Assert.Contains(nameof(WriteCaseRecordActivity), functionNames);
        Assert.Equal(11, functionNames.Count);
    }

    private static bool IsActivity(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(TaskActivity<,>))
            {
                return true;
            }
        }

        return false;
    }

    // Maps each function name in functions.metadata to the type of its trigger binding.
    private static Dictionary<string, string?> TriggerTypes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} not found; the Worker SDK writes it when AiSoc.Functions builds.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(
            function => function.GetProperty("name").GetString()!,
            function => function.GetProperty("bindings").EnumerateArray()
                .Select(binding => binding.GetProperty("type").GetString())
                .FirstOrDefault(type => type is not null && type.EndsWith("Trigger", StringComparison.Ordinal)),
            StringComparer.Ordinal);
    }

    private static ApprovalRequest PendingRequest() => new()
    {
        ApprovalId = "apr-0001",
        InvestigationId = "inv-1a2b3c4d5e6f7a8b9c0d",
        PlanHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        Actions =
        [
            new ApprovalAction("inv-1a2b3c4d5e6f7a8b9c0d|disable-user|oid:alice", ResponseActionType.DisableUser, "account", "oid:11111111-1111-1111-1111-111111111111", "Alice Smith", ImpactLevel.High, ["alice@contoso.com"]),
        ],
        CreatedAt = TestTokens.Now.AddMinutes(-30),
        ExpiresAt = TestTokens.Now.AddHours(2),
        EscalateTo = "soc-lead",
    };
}
