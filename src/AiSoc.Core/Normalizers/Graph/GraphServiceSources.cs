namespace AiSoc.Core.Normalizers.Graph;

/// <summary>Product names for the Graph security <c>serviceSource</c> enumeration.</summary>
internal static class GraphServiceSources
{
    private static readonly Dictionary<string, string> ProductNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["microsoftDefenderForEndpoint"] = "Microsoft Defender for Endpoint",
        ["microsoftDefenderForIdentity"] = "Microsoft Defender for Identity",
        ["microsoftDefenderForCloudApps"] = "Microsoft Defender for Cloud Apps",
        ["microsoftDefenderForOffice365"] = "Microsoft Defender for Office 365",
        ["microsoft365Defender"] = "Microsoft Defender XDR",
        ["azureAdIdentityProtection"] = "Microsoft Entra ID Protection",
        ["microsoftAppGovernance"] = "App governance",
        ["dataLossPrevention"] = "Microsoft Purview Data Loss Prevention",
        ["microsoftDefenderForCloud"] = "Microsoft Defender for Cloud",
        ["microsoftSentinel"] = "Microsoft Sentinel",
        ["microsoftInsiderRiskManagement"] = "Microsoft Purview Insider Risk Management",
    };

    /// <summary>Returns the product name for a service source, or the raw value when it is not a known one.</summary>
    public static string? ProductName(string? serviceSource) =>
        serviceSource is not null && ProductNames.TryGetValue(serviceSource, out var name) ? name : serviceSource;
}
