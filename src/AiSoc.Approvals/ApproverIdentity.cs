namespace AiSoc.Approvals;

/// <summary>The validated approver: identifiers, app roles and authentication methods from the token.</summary>
public sealed record ApproverIdentity(string ObjectId, string? Upn, IReadOnlyList<string> Roles, IReadOnlyList<string> AuthenticationMethods)
{
    /// <summary>The name recorded as the decider: the UPN when present, else the object id.</summary>
    public string DisplayId => Upn ?? ObjectId;
}
