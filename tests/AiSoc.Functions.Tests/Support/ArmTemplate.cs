using System.Text.Json;

namespace AiSoc.Functions.Tests.Support;

/// <summary>Looks up resources and nested module templates in an ARM template that <c>bicep build</c> produced.</summary>
internal static class ArmTemplate
{
    // Bicep emits resources as an object keyed by symbolic name or as an array, depending on the features used.
    public static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(property => property.Value);
    }

    public static JsonElement Resource(JsonElement template, string type) =>
        Resources(template).Single(resource => resource.GetProperty("type").GetString() == type);

    public static IEnumerable<JsonElement> ResourcesOfType(JsonElement template, string type) =>
        Resources(template).Where(resource => resource.GetProperty("type").GetString() == type);

    /// <summary>Returns the module deployment with the given literal name.</summary>
    public static JsonElement Module(JsonElement template, string name) =>
        ResourcesOfType(template, "Microsoft.Resources/deployments").Single(deployment => deployment.GetProperty("name").GetString() == name);

    /// <summary>Returns the module deployment whose name expression contains the given text.</summary>
    public static JsonElement ModuleNamed(JsonElement template, string nameFragment) =>
        ResourcesOfType(template, "Microsoft.Resources/deployments")
            .Single(deployment => deployment.GetProperty("name").GetString()!.Contains(nameFragment, StringComparison.Ordinal));

    public static JsonElement ModuleTemplate(JsonElement deployment) =>
        deployment.GetProperty("properties").GetProperty("template");
}
