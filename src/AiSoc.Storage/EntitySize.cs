using System.Globalization;
using Azure.Data.Tables;

namespace AiSoc.Storage;

/// <summary>
/// Estimates the stored size of an entity with the formula from Microsoft's archived blog post "How the size of an
/// entity is calculated in Windows Azure table storage". An entity costs 4 bytes plus 2 bytes per key character.
/// Each property adds 8 bytes, 2 bytes per name character and its value (a string costs 4 bytes plus 2 per
/// character). The service rejects entities over 1 MiB.
/// </summary>
internal static class EntitySize
{
    /// <summary>Largest estimate the stores write: 1 MiB less 64 KiB, so the estimate's error and system properties fit.</summary>
    public const long MaxBytes = (1024 * 1024) - (64 * 1024);

    /// <summary>Returns the estimated size of <paramref name="entity"/> in bytes.</summary>
    public static long Estimate(TableEntity entity)
    {
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            size += 8 + (name.Length * 2L) + ValueSize(value);
        }

        return size;
    }

    /// <summary>Throws when <paramref name="entity"/> is larger than <see cref="MaxBytes"/>.</summary>
    /// <param name="entity">The entity to write.</param>
    /// <param name="description">What the entity contains, such as "Incident in-1 of triage key run-1", for the message.</param>
    /// <exception cref="InvalidDataException">The entity is too large.</exception>
    public static void EnsureFits(TableEntity entity, string description)
    {
        var size = Estimate(entity);
        if (size > MaxBytes)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{description} is too large to store: about {size:N0} bytes in one table entity, maximum {MaxBytes:N0}."));
        }
    }

    private static long ValueSize(object? value) => value switch
    {
        string text => 4 + (text.Length * 2L),
        byte[] bytes => 4 + bytes.LongLength,
        BinaryData data => 4 + data.ToMemory().Length,
        bool => 1,
        int => 4,
        Guid => 16,
        _ => 8,
    };
}
