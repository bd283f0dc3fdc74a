using System.Globalization;
using System.Text;
using System.Text.Json;
using AiSoc.Core.Parsing;

namespace AiSoc.Functions.Ingestion;

/// <summary>
/// Reads event positions from the binding data the Functions host sends with a batched Event Hubs trigger
/// (extension 5.x): <c>PartitionContext</c> with the partition id, and <c>SystemPropertiesArray</c> with each
/// event's <c>Offset</c>, <c>SequenceNumber</c> and <c>EnqueuedTimeUtc</c>, both as JSON text.
/// </summary>
internal static class EventHubBindingData
{
    /// <summary>Pairs each body with its position; a position the host did not send is left null.</summary>
    public static List<StreamEvent> ToEvents(IReadOnlyList<string> bodies, IReadOnlyDictionary<string, object?> bindingData)
    {
        var partitionId = ReadPartitionId(bindingData);
        var properties = ReadSystemProperties(bindingData);
        var events = new List<StreamEvent>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            var (offset, sequence, enqueued) = i < properties.Count ? properties[i] : (null, null, null);
            events.Add(new StreamEvent(Encoding.UTF8.GetBytes(bodies[i] ?? string.Empty), partitionId, offset, sequence, enqueued));
        }

        return events;
    }

    private static string? ReadPartitionId(IReadOnlyDictionary<string, object?> bindingData)
    {
        if (!bindingData.TryGetValue("PartitionContext", out var value) || value?.ToString() is not { Length: > 0 } json)
        {
            return null;
        }

        using var document = Parse(json);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty("PartitionId", out var id) ? id.ToString() : null;
    }

    private static List<(string? Offset, long? Sequence, DateTimeOffset? Enqueued)> ReadSystemProperties(IReadOnlyDictionary<string, object?> bindingData)
    {
        var result = new List<(string?, long?, DateTimeOffset?)>();
        if (!bindingData.TryGetValue("SystemPropertiesArray", out var value) || value?.ToString() is not { Length: > 0 } json)
        {
            return result;
        }

        using var document = Parse(json);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Array } array)
        {
            return result;
        }

        foreach (var item in array.EnumerateArray())
        {
            var offset = item.TryGetProperty("Offset", out var o) ? o.ToString() : null;
            long? sequence = item.TryGetProperty("SequenceNumber", out var s) && long.TryParse(s.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
            DateTimeOffset? enqueued = item.TryGetProperty("EnqueuedTimeUtc", out var e)
                && UtcTimestamp.TryParse(e.ToString(), out var time) ? time : null;
            result.Add((offset, sequence, enqueued));
        }

        return result;
    }

    private static JsonDocument? Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // Positions only label dead letters; an unreadable value leaves them null rather than failing the batch.
            return null;
        }
    }
}
