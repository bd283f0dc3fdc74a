using System.Text.Json;
using AiSoc.Core.Output;

namespace AiSoc.Storage;

// Reads JSON that a store wrote with OutputJson.Options, turning parse failures into errors that name the entity.
internal static class StoredJson
{
    /// <summary>Deserializes <paramref name="json"/>. <paramref name="where"/> names the entity in the error.</summary>
    /// <exception cref="InvalidDataException">The JSON is invalid or null.</exception>
    public static T Deserialize<T>(string json, string where)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, OutputJson.Options)
                ?? throw new InvalidDataException($"{where} contains JSON null; expected a {typeof(T).Name} object.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{where} contains an invalid {typeof(T).Name} at {error.Path}: {error.Message}", error);
        }
    }
}
