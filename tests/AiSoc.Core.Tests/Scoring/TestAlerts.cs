using AiSoc.Core.Ingest;
using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tests.Scoring;

/// <summary>Builds <see cref="NormalizedAlert"/> objects directly for scoring and correlation tests.</summary>
internal static class TestAlerts
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static NormalizedAlert Create(
        string providerAlertId,
        IEnumerable<Entity?>? entities = null,
        Severity severity = Severity.Medium,
        string source = SourceProduct.ThirdParty,
        string? productName = null,
        string? detectionSource = null,
        IReadOnlyList<string>? tactics = null,
        IReadOnlyDictionary<string, string>? extra = null,
        DateTimeOffset? at = null,
        string? providerIncidentId = null,
        string? title = null,
        DateTimeOffset? updatedAt = null,
        string? detectorId = null)
    {
        return new NormalizedAlert
        {
            Id = StableIds.ForAlert(providerAlertId),
            Source = source,
            ProductName = productName,
            ProviderAlertId = providerAlertId,
            ProviderIncidentId = providerIncidentId,
            Title = title ?? "Alert " + providerAlertId,
            Severity = severity,
            DetectionSource = detectionSource,
            DetectorId = detectorId,
            CreatedAt = at ?? T0,
            LastUpdatedAt = updatedAt,
            Tactics = tactics ?? [],
            Entities = (entities ?? []).Select(e => e ?? throw new ArgumentException("A test entity did not build.", nameof(entities))).ToArray(),
            Extra = extra ?? new Dictionary<string, string>(),
            Raw = new RawRecordRef("test.json", 0),
        };
    }

    public static AccountEntity Upn(string upn) => EntityFactory.Account(upn: upn)!;

    public static IpEntity Ip(string address) => EntityFactory.Ip(address)!;

    public static HostEntity Host(string fqdn) => EntityFactory.Host(hostName: fqdn)!;

    /// <summary>A public IP, which is a usable entity that matches no criticality list.</summary>
    public static IpEntity PublicIp => Ip("81.2.69.142");
}
