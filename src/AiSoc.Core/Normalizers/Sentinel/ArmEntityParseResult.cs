using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>The entities read from a list of Sentinel ARM entity objects, and the problems that dropped some of them.</summary>
public sealed class ArmEntityParseResult(IReadOnlyList<Entity> entities, IReadOnlyList<string> warnings)
{
    /// <summary>Entities in list order, without duplicates.</summary>
    public IReadOnlyList<Entity> Entities { get; } = entities;

    /// <summary>One message per dropped entity or ignored field, each starting with the item's path.</summary>
    public IReadOnlyList<string> Warnings { get; } = warnings;
}
