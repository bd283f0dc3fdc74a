using System.Collections.Frozen;

namespace AiSoc.Integrations.Graph;

/// <summary>
/// Entra built-in roles that can take over the tenant or other administrators, by role template id. The ids are
/// the same in every tenant (Microsoft Entra built-in roles reference).
/// </summary>
public static class PrivilegedRoles
{
    private static readonly FrozenDictionary<string, string> ByTemplateId = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["62e90394-69f5-4237-9190-012177145e10"] = "Global Administrator",
        ["e8611ab8-c189-46e8-94e1-60213ab1f814"] = "Privileged Role Administrator",
        ["7be44c8a-adaf-4e2a-84d6-ab2649e08a13"] = "Privileged Authentication Administrator",
        ["194ae4cb-b126-40b2-bd5b-6091b380977d"] = "Security Administrator",
        ["fe930be7-5e62-47db-91af-98c3a49a38b1"] = "User Administrator",
        ["c4e39bd9-1100-46d3-8c65-fb160da0071f"] = "Authentication Administrator",
        ["729827e3-9c14-49f7-bb1b-9608f156bbb8"] = "Helpdesk Administrator",
        ["9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"] = "Application Administrator",
        ["158c047a-c907-4556-b7ef-446551a6b5f7"] = "Cloud Application Administrator",
        ["b1be1c3e-b65d-4f19-8427-f6fa0d97feb9"] = "Conditional Access Administrator",
        ["29232cdf-9323-42fd-ade2-1d097af3e4de"] = "Exchange Administrator",
        ["f28a1f50-f6e7-4571-818b-6a12f2af6b6c"] = "SharePoint Administrator",
        ["3a2c62db-5318-420d-8d74-23affee5d9d5"] = "Intune Administrator",
        ["8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2"] = "Hybrid Identity Administrator",
        ["966707d0-3269-4727-9be2-8c3a10f19b9d"] = "Password Administrator",
        ["d29b2b05-8046-44ba-8758-1e26182fcf32"] = "Directory Synchronization Accounts",
        ["e8cef6f1-e4bd-4ea8-bc07-4b8d950f4477"] = "Cloud Device Administrator",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the role template id names a privileged role.</summary>
    public static bool IsPrivileged(string? roleTemplateId) =>
        roleTemplateId is not null && ByTemplateId.ContainsKey(roleTemplateId);
}
