namespace AiSoc.Core.Correlation;

/// <summary>
/// Joins the keys that one entity carries together (an account with a SID and an object id joins both), then
/// marks which groups contain a strong key. Only such groups link alerts, so a weak key links only when some
/// entity ties it to a strong key. Held-back keys stay out of every group.
/// </summary>
internal sealed class KeyGroups
{
    private readonly KeyIndex _index;
    private readonly KeyHoldBacks _holdBacks;
    private readonly UnionFind _sets;
    private readonly bool[] _hasStrongKey;
    private string?[]? _displayKeys;

    public KeyGroups(KeyIndex index, KeyHoldBacks holdBacks)
    {
        _index = index;
        _holdBacks = holdBacks;
        _sets = new UnionFind(index.KeyCount);
        _hasStrongKey = new bool[index.KeyCount];

        for (var entity = 0; entity < index.EntityCount; entity++)
        {
            var first = -1;
            foreach (var key in index.KeysOf(entity))
            {
                if (holdBacks.IsHeld(key))
                {
                    continue;
                }

                if (first < 0)
                {
                    first = key;
                }
                else
                {
                    _sets.Union(first, key);
                }
            }
        }

        for (var key = 0; key < index.KeyCount; key++)
        {
            if (index.IsStrong(key) && !holdBacks.IsHeld(key))
            {
                _hasStrongKey[_sets.Find(key)] = true;
            }
        }
    }

    /// <summary>Returns the group that links alerts through <paramref name="key"/>, or -1 when the key does not link.</summary>
    public int LinkingGroupOf(int key)
    {
        if (_holdBacks.IsHeld(key))
        {
            return -1;
        }

        var root = _sets.Find(key);
        return _hasStrongKey[root] ? root : -1;
    }

    /// <summary>Returns the ordinally smallest strong key of a group, which names the group in reports.</summary>
    public string DisplayKeyOf(int group)
    {
        if (_displayKeys is null)
        {
            _displayKeys = new string?[_index.KeyCount];
            for (var key = 0; key < _index.KeyCount; key++)
            {
                if (!_index.IsStrong(key) || _holdBacks.IsHeld(key))
                {
                    continue;
                }

                var root = _sets.Find(key);
                var text = _index.KeyText(key);
                if (_displayKeys[root] is null || string.CompareOrdinal(text, _displayKeys[root]) < 0)
                {
                    _displayKeys[root] = text;
                }
            }
        }

        return _displayKeys[group] ?? _index.KeyText(group);
    }
}
