using System.Runtime.InteropServices;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>
/// Interns the correlation keys of all alerts as integers and records which keys each entity carries, so the
/// later passes work on arrays instead of strings.
/// </summary>
internal sealed class KeyIndex
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private readonly List<bool> _strong = [];
    private readonly List<int> _alertCounts = [];
    private readonly List<int> _lastAlert = [];
    private readonly List<int> _entityKeys = [];
    private readonly List<int> _entityStarts = [0];
    private readonly int[] _alertEntityStarts;

    public KeyIndex(IReadOnlyList<NormalizedAlert> alerts)
    {
        _alertEntityStarts = new int[alerts.Count + 1];
        for (var a = 0; a < alerts.Count; a++)
        {
            foreach (var entity in alerts[a].Entities)
            {
                foreach (var key in entity.GetKeys())
                {
                    _entityKeys.Add(Intern(key, a));
                }

                _entityStarts.Add(_entityKeys.Count);
            }

            _alertEntityStarts[a + 1] = _entityStarts.Count - 1;
        }
    }

    public int KeyCount => _keys.Count;

    public int EntityCount => _entityStarts.Count - 1;

    public string KeyText(int key) => _keys[key];

    public bool IsStrong(int key) => _strong[key];

    /// <summary>Number of distinct alerts that carry the key.</summary>
    public int AlertCount(int key) => _alertCounts[key];

    /// <summary>Range of entity numbers that belong to an alert.</summary>
    public (int Start, int End) EntitiesOf(int alert) => (_alertEntityStarts[alert], _alertEntityStarts[alert + 1]);

    public ReadOnlySpan<int> KeysOf(int entity)
    {
        var start = _entityStarts[entity];
        return CollectionsMarshal.AsSpan(_entityKeys).Slice(start, _entityStarts[entity + 1] - start);
    }

    private int Intern(EntityKey key, int alert)
    {
        if (!_ids.TryGetValue(key.Value, out var id))
        {
            id = _keys.Count;
            _ids.Add(key.Value, id);
            _keys.Add(key.Value);
            _strong.Add(key.IsStrong);
            _alertCounts.Add(0);
            _lastAlert.Add(-1);
        }

        // The same key can appear on several entities of one alert; prevalence counts alerts, not entities.
        if (_lastAlert[id] != alert)
        {
            _lastAlert[id] = alert;
            _alertCounts[id]++;
        }

        return id;
    }
}
