namespace AiSoc.Core.Response;

// The raw shape of a playbook file as YamlDotNet reads it. Every value stays optional and textual here, so the
// validator can report each missing or invalid field by name instead of failing on the first one.
internal sealed class PlaybookDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public PlaybookMatchDocument? Match { get; set; }

    public List<string>? Enrichments { get; set; }

    public List<PlaybookActionDocument>? Actions { get; set; }
}

internal sealed class PlaybookMatchDocument
{
    public List<string>? DetectorIds { get; set; }

    public List<string>? Techniques { get; set; }

    public List<string>? Tactics { get; set; }

    public List<string>? Sources { get; set; }

    public List<string>? EntityKinds { get; set; }

    public string? MinimumVerdict { get; set; }
}

internal sealed class PlaybookActionDocument
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? Target { get; set; }

    public string? Impact { get; set; }

    public bool? AutoRun { get; set; }

    public string? ApprovalTimeout { get; set; }

    public string? EscalateTo { get; set; }

    public string? Task { get; set; }

    public string? ConfirmRole { get; set; }
}
