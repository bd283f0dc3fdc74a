namespace AiSoc.Core.Response;

/// <summary>A validated playbook: which incidents it applies to, which enrichments to run and which actions to propose.</summary>
public sealed class Playbook
{
    /// <summary>Unique id across all playbook files, such as <c>compromised-account</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Path of the file the playbook was loaded from.</summary>
    public required string SourceFile { get; init; }

    public required PlaybookMatch Match { get; init; }

    /// <summary>Names of enrichments to run before the plan is decided, such as <c>sign-in-history</c>.</summary>
    public required IReadOnlyList<string> Enrichments { get; init; }

    public required IReadOnlyList<PlaybookAction> Actions { get; init; }
}
