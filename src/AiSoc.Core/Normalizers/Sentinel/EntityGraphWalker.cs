using System.Text.Json;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// Walks one entity list in document order and resolves its <c>$id</c>/<c>$ref</c> graph. Real exports reuse an
/// <c>$id</c> for different objects and contain references to ids that are never defined, so a reference resolves
/// to the most recent earlier definition of its id, and a reference without one becomes a warning.
/// </summary>
internal sealed class EntityGraphWalker
{
    private readonly Dictionary<string, EntityGraphNode> _definitions = new(StringComparer.Ordinal);
    private readonly List<EntityGraphNode> _nodes = [];
    private readonly List<string> _warnings = [];
    private int _skippedCount;

    /// <summary>Visits the top-level items in order, then lists the entities they define.</summary>
    public EntityGraph Walk(IEnumerable<(JsonElement Item, string Path)> items)
    {
        foreach (var (item, path) in items)
        {
            Visit(item, path, warnOnDanglingReference: true);
        }

        var entities = new List<Entity>();
        foreach (var node in _nodes)
        {
            if (!node.IsModeled || node.IsAbsorbed)
            {
                continue;
            }

            if (node.Entity is null)
            {
                _warnings.Add($"{node.Path}: dropped {node.Type} entity, {node.DropReason ?? "no usable identifier"}");
                continue;
            }

            // The same entity is often defined again under another $id, or reached through several references.
            if (!entities.Contains(node.Entity))
            {
                entities.Add(node.Entity);
            }
        }

        return new EntityGraph(entities, _warnings, _skippedCount);
    }

    private EntityGraphNode? Visit(JsonElement element, string path, bool warnOnDanglingReference)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("$ref", out var reference))
        {
            return Resolve(reference, path, warnOnDanglingReference);
        }

        // ARM responses write entity properties in camel case ("type", "address"), exports in Pascal case.
        var type = EntityGraphMapper.CanonicalType(EntityGraphFields.Text(element, "Type"));
        var node = new EntityGraphNode(element, path, type);
        var isModeled = type is not null && EntityGraphMapper.IsModeled(type);

        // Register before the children, because the exports write $id first and a child may refer back to its parent.
        if (element.Str("$id") is { } id)
        {
            _definitions[id] = node;
        }

        _nodes.Add(node);
        VisitChildren(node, warnOnDanglingReference && (isModeled || type is null));

        if (type is null)
        {
            return node;
        }

        if (!isModeled)
        {
            _skippedCount++;
            return node;
        }

        node.IsModeled = true;
        node.Entity = EntityGraphMapper.Build(node, _warnings, out var dropReason);
        node.DropReason = dropReason;
        return node;
    }

    private void VisitChildren(EntityGraphNode node, bool warnOnDanglingReference)
    {
        foreach (var property in node.Element.EnumerateObject())
        {
            var childPath = node.Path + "." + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                AddChild(node, property.Name, Visit(property.Value, childPath, warnOnDanglingReference));
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var index = 0;
            foreach (var item in property.Value.EnumerateArray())
            {
                AddChild(node, property.Name, Visit(item, $"{childPath}[{index}]", warnOnDanglingReference));
                index++;
            }
        }
    }

    private static void AddChild(EntityGraphNode parent, string property, EntityGraphNode? child)
    {
        if (child is not null)
        {
            parent.AddChild(property, child);
        }
    }

    private EntityGraphNode? Resolve(JsonElement reference, string path, bool warnOnDanglingReference)
    {
        var id = JsonFields.AsText(reference);
        if (id is not null && _definitions.TryGetValue(id, out var node))
        {
            return node;
        }

        // References inside kinds that are not modeled are never followed, so they cannot lose data.
        if (warnOnDanglingReference)
        {
            _warnings.Add($"{path}: ignored $ref '{id}' because no earlier object defines that $id");
        }

        return null;
    }
}
