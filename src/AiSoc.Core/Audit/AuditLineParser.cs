using System.Text.Json;

namespace AiSoc.Core.Audit;

internal static class AuditLineParser
{
    public static AuditRecord Parse(string path, int lineNumber, string line)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditRecord>(line, AuditJson.Options)
                ?? throw new InvalidDataException($"{path}: line {lineNumber}: expected an audit record object, found null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: invalid audit record: {exception.Message}", exception);
        }
    }
}
