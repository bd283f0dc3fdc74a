using AiSoc.Core.Schema;

namespace AiSoc.Core.Correlation;

/// <summary>
/// Links alerts that share a key group within the time window. Within each group the alerts are in time order,
/// and only neighbours closer than the window link, so the work is one sort: O(n log n) in the number of
/// (group, alert) pairs. Links are applied in time order of the later alert, so an incident that reaches the
/// maximum size keeps its earliest alerts whatever order the input had.
/// </summary>
internal static class EntityLinker
{
    /// <summary>Applies the links to <paramref name="sets"/> and returns the links that the maximum size stopped.</summary>
    public static List<RejectedLink> Link(NormalizedAlert[] alerts, KeyIndex index, KeyGroups groups, UnionFind sets,
        TimeSpan window, int maxIncidentSize)
    {
        var pairs = GroupAlertPairs(alerts.Length, index, groups);
        Array.Sort(pairs);

        var edgeOrder = new List<long>();
        var edgeGroups = new List<int>();
        for (var i = 1; i < pairs.Length; i++)
        {
            var group = (int)(pairs[i] >> 32);
            if (group != (int)(pairs[i - 1] >> 32))
            {
                continue;
            }

            var earlier = (int)(pairs[i - 1] & 0xFFFFFFFF);
            var later = (int)(pairs[i] & 0xFFFFFFFF);
            if (alerts[later].ActivityTime - alerts[earlier].ActivityTime < window)
            {
                edgeOrder.Add(((long)later << 32) | (uint)earlier);
                edgeGroups.Add(group);
            }
        }

        var edges = edgeOrder.ToArray();
        var edgeGroupArray = edgeGroups.ToArray();
        Array.Sort(edges, edgeGroupArray);

        var rejected = new List<RejectedLink>();
        for (var e = 0; e < edges.Length; e++)
        {
            var later = (int)(edges[e] >> 32);
            var earlier = (int)(edges[e] & 0xFFFFFFFF);
            var laterRoot = sets.Find(later);
            var earlierRoot = sets.Find(earlier);
            if (laterRoot == earlierRoot)
            {
                continue;
            }

            if (sets.SizeOf(laterRoot) + sets.SizeOf(earlierRoot) > maxIncidentSize)
            {
                rejected.Add(new RejectedLink(earlier, later, edgeGroupArray[e]));
                continue;
            }

            sets.Union(earlier, later);
        }

        return rejected;
    }

    /// <summary>Returns one (group, alert) pair per linking group of each alert, packed as group * 2^32 + alert.</summary>
    private static long[] GroupAlertPairs(int alertCount, KeyIndex index, KeyGroups groups)
    {
        var pairs = new List<long>(alertCount * 2);
        var alertGroups = new List<int>();
        for (var a = 0; a < alertCount; a++)
        {
            alertGroups.Clear();
            var (start, end) = index.EntitiesOf(a);
            for (var entity = start; entity < end; entity++)
            {
                foreach (var key in index.KeysOf(entity))
                {
                    var group = groups.LinkingGroupOf(key);
                    if (group >= 0 && !alertGroups.Contains(group))
                    {
                        alertGroups.Add(group);
                        pairs.Add(((long)group << 32) | (uint)a);
                    }
                }
            }
        }

        return pairs.ToArray();
    }
}
