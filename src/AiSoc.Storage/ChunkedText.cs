using System.Globalization;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// Splits long text, such as JSON documents, over several string properties (<c>Json00</c>, <c>Json01</c>, …),
/// because Azure Table Storage keeps at most 32,768 UTF-16 characters in one string property.
/// A <c>{name}Chunks</c> property stores the chunk count, so a reader detects a missing chunk.
/// </summary>
internal static class ChunkedText
{
    /// <summary>Characters per property, below the service maximum of 32,768.</summary>
    public const int ChunkLength = 32_000;

    /// <summary>Writes <paramref name="text"/> to <paramref name="entity"/> as properties <c>{name}00</c> onward.</summary>
    public static void Write(TableEntity entity, string name, string text)
    {
        var chunks = (text.Length + ChunkLength - 1) / ChunkLength;
        for (var index = 0; index < chunks; index++)
        {
            var start = index * ChunkLength;
            entity[PropertyName(name, index)] = text.Substring(start, Math.Min(ChunkLength, text.Length - start));
        }

        entity[name + "Chunks"] = chunks;
    }

    /// <summary>Joins the chunks that <see cref="Write"/> stored under <paramref name="name"/>, or returns null when there are none.</summary>
    /// <exception cref="InvalidDataException">A chunk is missing; the message names the entity and property.</exception>
    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetInt32(name + "Chunks") is not { } chunks)
        {
            return null;
        }

        var parts = new string[chunks];
        for (var index = 0; index < chunks; index++)
        {
            var property = PropertyName(name, index);
            parts[index] = entity.GetString(property)
                ?? throw new InvalidDataException($"Entity '{entity.PartitionKey}'/'{entity.RowKey}' in table storage is missing property '{property}' of {chunks} chunks of '{name}'.");
        }

        return string.Concat(parts);
    }

    private static string PropertyName(string name, int index) =>
        name + index.ToString("D2", CultureInfo.InvariantCulture);
}
