using AiSoc.Core.Ingest;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;
using AiSoc.Core.Scoring;

namespace AiSoc.Core.Correlation;

/// <summary>Turns the final alert sets into incidents and computes each alert's scoring context.</summary>
internal sealed class IncidentAssembler(
    NormalizedAlert[] alerts,
    KeyIndex index,
    KeyHoldBacks holdBacks,
    KeyGroups groups,
    Dictionary<int, List<string>> listedProviderIncidentIds,
    int maxIncidentSize)
{
    public CorrelationResult Assemble(UnionFind sets, List<RejectedLink> rejectedLinks)
    {
        var (incidentOf, members, starts) = Partition(sets);
        var sizeHoldBacks = SizeHoldBacks(incidentOf, rejectedLinks);

        var incidents = new CorrelatedIncident[starts.Length - 1];
        var contexts = new Dictionary<string, AlertContext>(alerts.Length, StringComparer.Ordinal);
        for (var i = 0; i < incidents.Length; i++)
        {
            var incidentMembers = members.AsSpan(starts[i], starts[i + 1] - starts[i]);
            incidents[i] = Build(incidentMembers, sizeHoldBacks.GetValueOrDefault(i));
            AddContexts(incidentMembers, contexts);
            foreach (var a in incidentMembers)
            {
                alerts[a].IncidentId = incidents[i].Id;
            }
        }

        return new CorrelationResult(incidents, contexts);
    }

    /// <summary>
    /// Numbers the sets in order of their first alert and lists the members of each set contiguously. Alerts are in
    /// time order, so members come out in time order and incidents in order of their first activity.
    /// </summary>
    private (int[] IncidentOf, int[] Members, int[] Starts) Partition(UnionFind sets)
    {
        var incidentOf = new int[alerts.Length];
        var incidentByRoot = new Dictionary<int, int>();
        var counts = new List<int>();
        for (var a = 0; a < alerts.Length; a++)
        {
            var root = sets.Find(a);
            if (!incidentByRoot.TryGetValue(root, out var incident))
            {
                incident = counts.Count;
                incidentByRoot.Add(root, incident);
                counts.Add(0);
            }

            incidentOf[a] = incident;
            counts[incident]++;
        }

        var starts = new int[counts.Count + 1];
        for (var i = 0; i < counts.Count; i++)
        {
            starts[i + 1] = starts[i] + counts[i];
        }

        var next = starts[..^1];
        var members = new int[alerts.Length];
        for (var a = 0; a < alerts.Length; a++)
        {
            members[next[incidentOf[a]]++] = a;
        }

        return (incidentOf, members, starts);
    }

    /// <summary>Reports each stopped link on both incidents it would have joined, unless another link joined them.</summary>
    private Dictionary<int, HashSet<HeldBackEntity>> SizeHoldBacks(int[] incidentOf, List<RejectedLink> rejectedLinks)
    {
        var byIncident = new Dictionary<int, HashSet<HeldBackEntity>>();
        foreach (var link in rejectedLinks)
        {
            var first = incidentOf[link.FirstAlert];
            var second = incidentOf[link.SecondAlert];
            if (first == second)
            {
                continue;
            }

            var entry = new HeldBackEntity(groups.DisplayKeyOf(link.Group), HoldBackReason.MaxIncidentSize,
                $"linking would exceed the maximum incident size of {maxIncidentSize} alerts");
            AddHoldBack(byIncident, first, entry);
            AddHoldBack(byIncident, second, entry);
        }

        return byIncident;
    }

    private CorrelatedIncident Build(ReadOnlySpan<int> members, HashSet<HeldBackEntity>? sizeHoldBacks)
    {
        var alertIds = new string[members.Length];
        var timeline = new TimelineEntry[members.Length];
        var tactics = new List<string>();
        var providerIncidentIds = new List<string>();
        var entities = new EntityMerger(index);
        var heldBack = sizeHoldBacks is null ? [] : new List<HeldBackEntity>(sizeHoldBacks);
        var lead = alerts[members[0]];

        for (var i = 0; i < members.Length; i++)
        {
            var alert = alerts[members[i]];
            alertIds[i] = alert.Id;
            timeline[i] = new TimelineEntry(alert.Id, alert.ActivityTime, alert.Title, alert.Severity, alert.Tactics);
            AddDistinct(tactics, alert.Tactics);
            AddProviderIncidentIds(providerIncidentIds, members[i]);
            var (firstEntity, _) = index.EntitiesOf(members[i]);
            for (var e = 0; e < alert.Entities.Count; e++)
            {
                entities.Add(alert.Entities[e], firstEntity + e);
            }

            AddKeyHoldBacks(heldBack, members[i]);
            if (alert.Severity > lead.Severity)
            {
                lead = alert;
            }
        }

        tactics.Sort(CompareByKillChain);
        providerIncidentIds.Sort(StringComparer.Ordinal);

        // Most incidents hold one alert; reusing that alert's lists keeps the objects per incident few.
        var single = members.Length == 1 ? lead : null;

        return new CorrelatedIncident
        {
            Id = StableIds.ForIncident(alertIds),
            AlertIds = alertIds,
            Alerts = timeline,
            Entities = single is not null && entities.Count == single.Entities.Count ? single.Entities : entities.ToArray(),
            Severity = lead.Severity,
            Title = TitleOf(lead, members.Length),
            Tactics = single is not null && SameOrder(single.Tactics, tactics) ? single.Tactics : tactics.ToArray(),
            ProviderIncidentIds = providerIncidentIds.ToArray(),
            HeldBackEntities = SortedDistinct(heldBack),
        };
    }

    private void AddProviderIncidentIds(List<string> ids, int alert)
    {
        if (alerts[alert].ProviderIncidentId is { } own)
        {
            AddDistinct(ids, [own]);
        }

        if (listedProviderIncidentIds.TryGetValue(alert, out var listed))
        {
            AddDistinct(ids, listed);
        }
    }

    private void AddKeyHoldBacks(List<HeldBackEntity> entries, int alert)
    {
        var (start, end) = index.EntitiesOf(alert);
        for (var entity = start; entity < end; entity++)
        {
            foreach (var key in index.KeysOf(entity))
            {
                if (holdBacks.IsHeld(key))
                {
                    var (reason, detail) = holdBacks.Of(key);
                    entries.Add(new HeldBackEntity(index.KeyText(key), reason, detail));
                }
            }
        }
    }

    /// <summary>Computes each member's view of the rest of the incident.</summary>
    private void AddContexts(ReadOnlySpan<int> members, Dictionary<string, AlertContext> contexts)
    {
        if (members.Length == 1)
        {
            contexts[alerts[members[0]].Id] = AlertContext.None;
            return;
        }

        var productCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var highCount = 0;
        string? furthestTactic = null;
        var furthestStage = -1;
        var products = new string[members.Length];

        for (var i = 0; i < members.Length; i++)
        {
            var alert = alerts[members[i]];
            products[i] = ProductKey.Of(alert);
            productCounts[products[i]] = productCounts.GetValueOrDefault(products[i]) + 1;
            highCount += alert.Severity == Severity.High ? 1 : 0;
            foreach (var tactic in alert.Tactics)
            {
                var stage = AttackIds.StageOf(tactic);
                if (stage > furthestStage)
                {
                    furthestStage = stage;
                    furthestTactic = tactic;
                }
            }
        }

        for (var i = 0; i < members.Length; i++)
        {
            var alert = alerts[members[i]];
            var otherProducts = 0;
            var hasOtherProduct = false;
            foreach (var (product, count) in productCounts)
            {
                var others = product == products[i] ? count - 1 : count;
                otherProducts += others > 0 ? 1 : 0;
                hasOtherProduct |= others > 0 && product != products[i];
            }

            var otherHigh = highCount - (alert.Severity == Severity.High ? 1 : 0);
            contexts[alert.Id] = new AlertContext(members.Length - 1, otherProducts, hasOtherProduct, otherHigh > 0, furthestTactic);
        }
    }

    private static string TitleOf(NormalizedAlert lead, int alertCount) => alertCount switch
    {
        1 => lead.Title,
        2 => lead.Title + " and 1 more alert",
        _ => $"{lead.Title} and {alertCount - 1} more alerts",
    };

    private static int CompareByKillChain(string x, string y)
    {
        var byStage = StageForSort(x).CompareTo(StageForSort(y));
        return byStage != 0 ? byStage : string.CompareOrdinal(x, y);
    }

    private static int StageForSort(string tactic)
    {
        var stage = AttackIds.StageOf(tactic);
        return stage < 0 ? int.MaxValue : stage;
    }

    // Tactic and provider incident lists stay short (17 tactics at most, one provider id per provider incident),
    // so a linear Contains costs less than a set.
    private static void AddDistinct(List<string> list, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
    }

    private static bool SameOrder(IReadOnlyList<string> original, List<string> sorted)
    {
        if (original.Count != sorted.Count)
        {
            return false;
        }

        for (var i = 0; i < sorted.Count; i++)
        {
            if (!ReferenceEquals(original[i], sorted[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static HeldBackEntity[] SortedDistinct(List<HeldBackEntity> entries)
    {
        if (entries.Count <= 1)
        {
            return entries.ToArray();
        }

        return entries
            .Distinct()
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ThenBy(h => h.Reason)
            .ToArray();
    }

    private static void AddHoldBack(Dictionary<int, HashSet<HeldBackEntity>> byIncident, int incident, HeldBackEntity entry)
    {
        if (!byIncident.TryGetValue(incident, out var list))
        {
            list = [];
            byIncident.Add(incident, list);
        }

        list.Add(entry);
    }
}
