namespace AiSoc.Core.Schema;

/// <summary>Stable names of the channels that alerts arrive through, as written in <c>source</c>.</summary>
public static class SourceProduct
{
    public const string Sentinel = "microsoft-sentinel";
    public const string DefenderXdr = "defender-xdr";
    public const string DefenderForEndpoint = "defender-for-endpoint";
    public const string EntraIdProtection = "entra-id-protection";
    public const string DefenderForCloud = "defender-for-cloud";
    public const string ThirdParty = "third-party";
}
