using AiSoc.Core.Schema;

namespace AiSoc.Core.Response;

/// <summary>
/// Conditions under which a playbook applies. Each non-empty list must match at least one value of the incident,
/// and all non-empty lists must match; an empty list matches anything.
/// </summary>
public sealed class PlaybookMatch
{
    /// <summary>Detector, analytics rule or alert type ids, compared without case.</summary>
    public IReadOnlyList<string> DetectorIds { get; init; } = [];

    /// <summary>ATT&amp;CK technique ids; a parent technique such as T1110 also matches its sub-techniques.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];

    /// <summary>ATT&amp;CK tactic names such as CredentialAccess, compared without case.</summary>
    public IReadOnlyList<string> Tactics { get; init; } = [];

    /// <summary>Alert channels, as in <see cref="SourceProduct"/>.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Entity kinds such as <c>account</c> or <c>host</c> that the incident must contain.</summary>
    public IReadOnlyList<string> EntityKinds { get; init; } = [];

    /// <summary>
    /// Lowest incident verdict the playbook applies to. A needs-context incident ranks with suspicious, so it still
    /// gets a plan, and the policy sends every action of that plan to a person.
    /// </summary>
    public Verdict MinimumVerdict { get; init; } = Verdict.Suspicious;
}
