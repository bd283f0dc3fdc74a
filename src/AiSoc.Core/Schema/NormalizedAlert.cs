using System.Text.Json.Serialization;

namespace AiSoc.Core.Schema;

/// <summary>One alert from any source, in the common schema. Times are UTC.</summary>
public sealed class NormalizedAlert
{
    /// <summary>Stable id derived from the provider alert id, so every version of an alert has the same id.</summary>
    public required string Id { get; init; }

    /// <summary>Channel the alert came through; one of <see cref="SourceProduct"/>.</summary>
    public required string Source { get; init; }

    /// <summary>Product that raised the alert when it differs from the channel, such as "Microsoft Defender for Endpoint" in Sentinel.</summary>
    public string? ProductName { get; init; }

    public required string ProviderAlertId { get; init; }

    public string? ProviderIncidentId { get; set; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public Severity Severity { get; init; }

    public string? Status { get; init; }

    /// <summary>Detector, analytics rule or alert type that raised the alert.</summary>
    public string? DetectorId { get; init; }

    public string? Category { get; init; }

    /// <summary>How the provider's own detection worked, such as "antivirus" or "CustomerTI".</summary>
    public string? DetectionSource { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FirstActivityAt { get; init; }

    public DateTimeOffset? LastActivityAt { get; init; }

    public DateTimeOffset? LastUpdatedAt { get; init; }

    /// <summary>ATT&amp;CK tactic names in PascalCase, such as "CredentialAccess".</summary>
    public IReadOnlyList<string> Tactics { get; set; } = [];

    /// <summary>ATT&amp;CK technique ids such as T1566 or T1566.001.</summary>
    public IReadOnlyList<string> Techniques { get; set; } = [];

    public IReadOnlyList<Entity> Entities { get; set; } = [];

    /// <summary>Product-specific fields kept as text, such as a risk event type or a provider classification.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = EmptyExtra;

    /// <summary>Problems found while normalizing that did not reject the alert, such as a dropped entity.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public required RawRecordRef Raw { get; init; }

    /// <summary>Rule or model risk score from 0 to 100; set by triage.</summary>
    public int Score { get; set; }

    /// <summary>Triage verdict; set by triage.</summary>
    public Verdict Verdict { get; set; } = Verdict.NeedsContext;

    /// <summary>How sure the scorer is of <see cref="Verdict"/>, from 0 to 1; set by triage.</summary>
    public double? Confidence { get; set; }

    /// <summary>Reasons behind <see cref="Score"/> and <see cref="Verdict"/>.</summary>
    public IReadOnlyList<string> Reasons { get; set; } = [];

    /// <summary>Id of the correlated incident this alert belongs to; set by correlation.</summary>
    public string? IncidentId { get; set; }

    /// <summary>
    /// True for a partial version that carries only evidence, such as one Defender XDR <c>AlertEvidence</c> row.
    /// Deduplication never lets such a version replace a full one, but keeps its entities.
    /// </summary>
    [JsonIgnore]
    public bool IsEvidenceOnly { get; set; }

    /// <summary>The time used to order versions of the same alert: last update, else creation.</summary>
    [JsonIgnore]
    public DateTimeOffset VersionTime => LastUpdatedAt ?? CreatedAt;

    /// <summary>The time of the activity, used for correlation windows and timelines.</summary>
    [JsonIgnore]
    public DateTimeOffset ActivityTime => FirstActivityAt ?? CreatedAt;

    private static readonly IReadOnlyDictionary<string, string> EmptyExtra = new Dictionary<string, string>();
}
