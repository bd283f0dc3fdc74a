using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace AiSoc.Core.Response;

/// <summary>
/// Computes the plan hash: SHA-256 over a canonical JSON array of the actions sorted by idempotency key, each
/// written as an object with the fixed property order actionId, type, targetKind, targetId, impact, autoRun. Display names
/// and timeouts are left out, so the hash changes exactly when what would be done changes.
/// </summary>
public static class PlanHasher
{
    /// <summary>Number of hexadecimal characters in the short form.</summary>
    public const int ShortLength = 12;

    /// <summary>Returns the lower-case hexadecimal plan hash of <paramref name="actions"/>.</summary>
    public static string Compute(IEnumerable<ProposedAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var action in actions.OrderBy(action => action.IdempotencyKey, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("actionId", action.ActionId);
                writer.WriteString("type", ActionCatalog.Name(action.Type));
                writer.WriteString("targetKind", action.Target.Kind);
                writer.WriteString("targetId", action.Target.Id);
                writer.WriteString("impact", action.Impact.ToString().ToLowerInvariant());
                writer.WriteBoolean("autoRun", action.AutoRun);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>Returns the first <see cref="ShortLength"/> characters of a plan hash.</summary>
    public static string Shorten(string planHash)
    {
        ArgumentNullException.ThrowIfNull(planHash);
        return planHash.Length <= ShortLength ? planHash : planHash[..ShortLength];
    }
}
