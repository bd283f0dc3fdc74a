using System.Text.Json;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>
/// One object definition in an entity list: an object written in full, with or without a <c>$id</c>.
/// A <c>{"$ref":"n"}</c> object is not a node but resolves to one.
/// </summary>
internal sealed class EntityGraphNode(JsonElement element, string path, string? type)
{
    private readonly List<(string Property, EntityGraphNode Node)> _children = [];

    public JsonElement Element { get; } = element;

    /// <summary>Path of the definition in the source record, such as <c>Entities[3].ImageFile</c>.</summary>
    public string Path { get; } = path;

    /// <summary>The lower-case <c>Type</c> value; null for objects that are not entities, such as <c>Location</c>.</summary>
    public string? Type { get; } = type;

    public Entity? Entity { get; set; }

    /// <summary>Why a modeled entity could not be built; null when it was built or is not modeled.</summary>
    public string? DropReason { get; set; }

    public bool IsModeled { get; set; }

    /// <summary>
    /// True when another entity carries this one's data, as a file carries its <c>filehash</c> children and a
    /// registry value carries its key, so the node is not listed on its own.
    /// </summary>
    public bool IsAbsorbed { get; set; }

    public void AddChild(string property, EntityGraphNode node) => _children.Add((property, node));

    /// <summary>Returns the first nested or referenced node under <paramref name="property"/>.</summary>
    public EntityGraphNode? Child(string property)
    {
        foreach (var (name, node) in _children)
        {
            if (name.Equals(property, StringComparison.OrdinalIgnoreCase))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Returns every nested or referenced node under <paramref name="property"/>, such as each of <c>FileHashes</c>.</summary>
    public IEnumerable<EntityGraphNode> Children(string property)
    {
        foreach (var (name, node) in _children)
        {
            if (name.Equals(property, StringComparison.OrdinalIgnoreCase))
            {
                yield return node;
            }
        }
    }
}
