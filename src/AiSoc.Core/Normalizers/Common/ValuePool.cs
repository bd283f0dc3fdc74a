using System.Collections.Concurrent;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Common;

/// <summary>
/// Shares one instance of values that repeat across alerts: titles and descriptions of the same detector, status
/// words, tactic lists, and entities such as a host or a user seen in thousands of alerts. A large export keeps
/// each of them once instead of once per alert, which keeps a triage run's memory close to the number of distinct
/// values. Thread-safe; the pool stops adding once it contains <see cref="MaxEntries"/> values, so a stream of unique
/// values cannot grow it without bound.
/// </summary>
public sealed class ValuePool
{
    /// <summary>Maximum number of values per kind; later unseen values are returned unshared.</summary>
    public const int MaxEntries = 200_000;

    private const int MaxPooledStringLength = 4096;

    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Entity, Entity> _entities = new();
    private readonly ConcurrentDictionary<string, string[]> _lists = new(StringComparer.Ordinal);

    /// <summary>The pool shared by every normalizer in the process.</summary>
    public static ValuePool Shared { get; } = new();

    /// <summary>Returns the pooled instance equal to <paramref name="value"/>.</summary>
    public string? Share(string? value)
    {
        if (value is null || value.Length > MaxPooledStringLength)
        {
            return value;
        }

        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        return _strings.Count < MaxEntries ? _strings.GetOrAdd(value, value) : value;
    }

    /// <summary>Returns the pooled entity equal to <paramref name="entity"/> (records compare by value).</summary>
    public Entity Share(Entity entity)
    {
        if (_entities.TryGetValue(entity, out var pooled))
        {
            return pooled;
        }

        return _entities.Count < MaxEntries ? _entities.GetOrAdd(entity, entity) : entity;
    }

    /// <summary>Returns a pooled array with the same items as <paramref name="items"/>, in order.</summary>
    public string[] Share(List<string> items)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var key = string.Join('\u001f', items);
        if (_lists.TryGetValue(key, out var pooled))
        {
            return pooled;
        }

        var array = items.ToArray();
        return _lists.Count < MaxEntries ? _lists.GetOrAdd(key, array) : array;
    }
}
