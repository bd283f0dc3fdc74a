using System.Globalization;
using AiSoc.Core.Response.Ports;
using AiSoc.Core.Schema;
using Microsoft.Extensions.Logging;

namespace AiSoc.Integrations.Defender;

/// <summary>
/// Enriches hosts, files and IP addresses from Defender for Endpoint. Hosts get device health, risk, exposure, alerts
/// and logged-on users. Files and addresses get organization prevalence. Other kinds are skipped.
/// </summary>
public sealed class DefenderEntityEnricher(DefenderApiClient api, ILogger<DefenderEntityEnricher> logger) : IEntityEnricher
{
    public const string Source = TenantActionCatalog.DefenderProvider;

    public async Task<IReadOnlyList<EntityEnrichment>> EnrichAsync(string investigationId, IReadOnlyList<Entity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var results = new List<EntityEnrichment>();

        foreach (var entity in entities)
        {
            if (entity is not (HostEntity or FileEntity or IpEntity))
            {
                continue;
            }

            var key = EntityKeys.Of(entity);
            try
            {
                results.Add(entity switch
                {
                    HostEntity host => await EnrichHostAsync(host, key, cancellationToken).ConfigureAwait(false),
                    FileEntity file => await EnrichFileAsync(file, key, cancellationToken).ConfigureAwait(false),
                    _ => await EnrichIpAsync((IpEntity)entity, key, cancellationToken).ConfigureAwait(false),
                });
            }
            catch (TenantApiException error)
            {
                IntegrationLog.LookupFailed(logger, key, Source, error);
                results.Add(new EntityEnrichment(key, Source, EnrichmentStatus.Failed, new Dictionary<string, string>(), Message: error.Message));
            }
        }

        return results;
    }

    private async Task<EntityEnrichment> EnrichHostAsync(HostEntity host, string key, CancellationToken cancellationToken)
    {
        var machine = await FindMachineAsync(host, cancellationToken).ConfigureAwait(false);
        if (machine is null)
        {
            return Unresolved(key, "Defender for Endpoint has no single device with this id or DNS name; this is not evidence that the device is benign.");
        }

        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["machineId"] = machine.Id,
            ["computerDnsName"] = machine.ComputerDnsName ?? string.Empty,
            ["osPlatform"] = machine.OsPlatform ?? string.Empty,
            ["healthStatus"] = machine.HealthStatus ?? string.Empty,
            ["riskScore"] = machine.RiskScore ?? string.Empty,
            ["exposureLevel"] = machine.ExposureLevel ?? string.Empty,
            ["lastSeen"] = Text(machine.LastSeen),
            ["lastIpAddress"] = machine.LastIpAddress ?? string.Empty,
            ["machineTags"] = string.Join("; ", machine.MachineTags ?? []),
        };

        var problems = new List<string>();
        try
        {
            var alerts = await api.GetMachineAlertsAsync(machine.Id, cancellationToken).ConfigureAwait(false);
            facts["alerts"] = alerts.Count.ToString(CultureInfo.InvariantCulture);
            facts["recentAlerts"] = string.Join("; ", alerts.Take(10).Select(alert => $"{alert.Severity} {alert.Title} ({alert.Status})"));
        }
        catch (TenantApiException error)
        {
            problems.Add(error.Message);
        }

        bool? hasDomainAdmin = null;
        try
        {
            var users = await api.GetLogonUsersAsync(machine.Id, cancellationToken).ConfigureAwait(false);
            facts["logonUsers"] = string.Join("; ", users.Select(user => $"{user.AccountDomain}\\{user.AccountName}"));
            hasDomainAdmin = users.Any(user => user.IsDomainAdmin == true);
            facts["domainAdminLoggedOn"] = hasDomainAdmin.Value ? "true" : "false";
        }
        catch (TenantApiException error)
        {
            problems.Add(error.Message);
        }

        // A device where a domain administrator logs on is reported as privileged, because containing it cuts off administrator sessions.
        var message = problems.Count == 0 ? null : "Some facts are missing: " + string.Join(" ", problems);
        return new EntityEnrichment(key, Source, EnrichmentStatus.Resolved, facts, hasDomainAdmin, message);
    }

    private async Task<Machine?> FindMachineAsync(HostEntity host, CancellationToken cancellationToken)
    {
        if (host.DefenderDeviceId is not null)
        {
            return await api.GetMachineAsync(host.DefenderDeviceId, cancellationToken).ConfigureAwait(false);
        }

        var name = host.Fqdn ?? host.HostName;
        if (name is null)
        {
            return null;
        }

        var matches = await api.FindMachinesByDnsNameAsync(name, cancellationToken).ConfigureAwait(false);
        return matches is [var single] ? single : null;
    }

    private async Task<EntityEnrichment> EnrichFileAsync(FileEntity file, string key, CancellationToken cancellationToken)
    {
        var hash = file.Sha1 ?? file.Sha256;
        if (hash is null)
        {
            return Unresolved(key, "The file has no SHA-1 or SHA-256, so Defender cannot look it up.");
        }

        var stats = await api.GetFileStatisticsAsync(hash, cancellationToken).ConfigureAwait(false);
        if (stats is null)
        {
            return Unresolved(key, "Defender for Endpoint has no statistics for this file; this is not evidence that the file is benign.");
        }

        return new EntityEnrichment(key, Source, EnrichmentStatus.Resolved, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["orgPrevalence"] = Text(stats.OrgPrevalence),
            ["orgFirstSeen"] = Text(stats.OrgFirstSeen),
            ["orgLastSeen"] = Text(stats.OrgLastSeen),
            ["globalPrevalence"] = stats.GlobalPrevalence?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["topFileNames"] = string.Join("; ", stats.TopFileNames ?? []),
        });
    }

    private async Task<EntityEnrichment> EnrichIpAsync(IpEntity ip, string key, CancellationToken cancellationToken)
    {
        var stats = await api.GetIpStatisticsAsync(ip.Address, cancellationToken).ConfigureAwait(false);
        if (stats is null)
        {
            return Unresolved(key, "Defender for Endpoint has no statistics for this address; this is not evidence that the address is benign.");
        }

        return new EntityEnrichment(key, Source, EnrichmentStatus.Resolved, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["orgPrevalence"] = Text(stats.OrgPrevalence),
            ["orgFirstSeen"] = Text(stats.OrgFirstSeen),
            ["orgLastSeen"] = Text(stats.OrgLastSeen),
        });
    }

    private static EntityEnrichment Unresolved(string key, string message) =>
        new(key, Source, EnrichmentStatus.Unresolved, new Dictionary<string, string>(), Message: message);

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Text(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? string.Empty;
}
