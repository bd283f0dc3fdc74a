using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace AiSoc.Core.Audit;

/// <summary>
/// Computes a record's chain hash: SHA-256 over a canonical JSON object with the fields in a fixed order, the
/// time as ISO 8601 UTC with seven fractional digits, and inputs sorted by name.
/// </summary>
public static class AuditHasher
{
    /// <summary>The previous hash of the first record.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>Returns the hash of <paramref name="record"/>, ignoring its <see cref="AuditRecord.Hash"/>.</summary>
    public static string Compute(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", record.Sequence);
            writer.WriteString("timestamp", record.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("investigationId", record.InvestigationId);
            writer.WriteString("kind", record.Kind);
            writer.WriteString("name", record.Name);
            writer.WriteString("actor", record.Actor);
            writer.WriteStartObject("inputs");
            foreach (var (name, value) in record.Inputs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteString("outcome", record.Outcome);
            writer.WriteString("previousHash", record.PreviousHash);
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }
}
