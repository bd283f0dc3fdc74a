using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.Sentinel;

/// <summary>The entities read from a Sentinel or Defender for Cloud entity list.</summary>
/// <param name="Entities">Distinct entities in document order of their definitions.</param>
/// <param name="Warnings">Dropped entities, dangling <c>$ref</c>s and other problems, each naming its path.</param>
/// <param name="SkippedCount">Entities of kinds that the schema does not model, such as <c>host-logon-session</c>.</param>
public sealed record EntityGraph(IReadOnlyList<Entity> Entities, IReadOnlyList<string> Warnings, int SkippedCount)
{
    public static EntityGraph Empty { get; } = new([], [], 0);
}
