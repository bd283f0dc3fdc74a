using System.Text.Encodings.Web;
using System.Text.Json;
using AiSoc.Core.Output;

namespace AiSoc.Core.Audit;

// Serializer settings of audit log lines: camelCase, UTC times ending in Z, one line per record.
internal static class AuditJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
        };
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
