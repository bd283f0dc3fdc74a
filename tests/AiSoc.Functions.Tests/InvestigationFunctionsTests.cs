using AiSoc.Functions.Investigations;
using AiSoc.Investigations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AiSoc.Functions.Tests;

public sealed class InvestigationFunctionsTests
{
    [Fact]
    public void Transform_Orchestrator_BecomesOrchestrationFunction()
    {
        var functions = TransformedFunctions();

        Assert.Equal("orchestrationTrigger", TriggerType(functions, nameof(InvestigationOrchestrator)));
    }

    [Fact]
    public void Transform_EverySharedActivity_BecomesActivityFunction()
    {
        var functions = TransformedFunctions();
        var activities = typeof(InvestigationOrchestrator).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsClass: true } && IsActivity(type))
            .Select(type => type.Name)
            .ToList();

        Assert.Equal(14, activities.Count);
        Assert.All(activities, name => Assert.Equal("activityTrigger", TriggerType(functions, name)));
    }

    // Registers the tasks as Program does and runs the metadata transformers the Durable extension adds.
    private static List<IFunctionMetadata> TransformedFunctions()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureDurableExtension();
        builder.AddInvestigationOrchestration();
        using var services = builder.Services.BuildServiceProvider();

        var functions = new List<IFunctionMetadata>();
        var transformers = services.GetServices<IFunctionMetadataTransformer>().ToList();
        Assert.NotEmpty(transformers);
        foreach (var transformer in transformers)
        {
            transformer.Transform(functions);
        }

        return functions;
    }

    private static string? TriggerType(List<IFunctionMetadata> functions, string name)
    {
        var function = functions.SingleOrDefault(candidate => candidate.Name == name);
        Assert.True(function is not null, $"No function named {name}; found: {string.Join(", ", functions.Select(candidate => candidate.Name))}.");

        return function.RawBindings?
            .Select(binding => System.Text.Json.JsonDocument.Parse(binding).RootElement.GetProperty("type").GetString())
            .FirstOrDefault(type => type is not null && type.EndsWith("Trigger", StringComparison.Ordinal));
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
}
