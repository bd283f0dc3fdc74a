namespace AiSoc.Learning.Tenant;

/// <summary>
/// Who set a provider verdict and how, as read from one incident or alert record of a tenant export.
/// </summary>
/// <param name="Classification">The provider classification, such as TruePositive or informationalExpectedActivity.</param>
/// <param name="Owner">The assigned owner (Sentinel <c>properties.owner</c>, Graph and Defender <c>assignedTo</c>), or null when unassigned.</param>
/// <param name="ModifiedBy">The identity that last changed the record (ARM <c>systemData.lastModifiedBy</c>, Graph incident <c>lastModifiedBy</c>).</param>
/// <param name="ModifiedByType">The ARM identity type of <paramref name="ModifiedBy"/>: User, Application, ManagedIdentity or Key.</param>
/// <param name="Comment">The closing comment (Sentinel <c>classificationComment</c>, Graph incident <c>resolvingComment</c>).</param>
/// <param name="Tags">Label or tag names on the record.</param>
/// <param name="UpdatedAt">The record's last modification time, used to keep the newest version.</param>
public sealed record VerdictClosure(
    string? Classification,
    string? Owner,
    string? ModifiedBy,
    string? ModifiedByType,
    string? Comment,
    IReadOnlyList<string> Tags,
    DateTimeOffset? UpdatedAt);
