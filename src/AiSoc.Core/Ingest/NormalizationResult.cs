using AiSoc.Core.Schema;

namespace AiSoc.Core.Ingest;

/// <summary>What one record became: alerts, and a provider incident when the record was an incident.</summary>
public sealed class NormalizationResult
{
    private NormalizationResult(IReadOnlyList<NormalizedAlert> alerts, ProviderIncident? incident)
    {
        Alerts = alerts;
        Incident = incident;
    }

    public IReadOnlyList<NormalizedAlert> Alerts { get; }

    public ProviderIncident? Incident { get; }

    /// <summary>Creates the result of an alert record.</summary>
    public static NormalizationResult ForAlert(NormalizedAlert alert) => new([alert], null);

    /// <summary>Creates the result of an incident record with the alert bodies it carried.</summary>
    public static NormalizationResult ForIncident(ProviderIncident incident, IReadOnlyList<NormalizedAlert> alerts) =>
        new(alerts, incident);
}
