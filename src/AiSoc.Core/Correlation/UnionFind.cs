namespace AiSoc.Core.Correlation;

/// <summary>Disjoint sets over 0..n-1 with union by size and path halving, so each operation is close to constant time.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int item)
    {
        while (_parent[item] != item)
        {
            _parent[item] = _parent[_parent[item]];
            item = _parent[item];
        }

        return item;
    }

    /// <summary>Number of items in the set that contains <paramref name="item"/>.</summary>
    public int SizeOf(int item) => _size[Find(item)];

    /// <summary>Joins the sets of the two items and returns the new root.</summary>
    public int Union(int first, int second)
    {
        var a = Find(first);
        var b = Find(second);
        if (a == b)
        {
            return a;
        }

        if (_size[a] < _size[b])
        {
            (a, b) = (b, a);
        }

        _parent[b] = a;
        _size[a] += _size[b];
        return a;
    }
}
