using System.Net;
using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;
using AiSoc.Core.Tuning.Proposals;

namespace AiSoc.Core.Tuning.Suppressions;

/// <summary>
/// Finds the applied suppression, if any, that covers an alert: the same detector and one of the alert's stable
/// entity keys (<see cref="SuppressionFields"/>), before the suppression expires. An IP prefix covers every address
/// inside it.
/// </summary>
public sealed class SuppressionMatcher
{
    private readonly Dictionary<string, List<Suppression>> _byDetector;

    /// <summary>Keeps the suppressions of <paramref name="suppressions"/> that are still in force at <paramref name="now"/>.</summary>
    public SuppressionMatcher(IEnumerable<Suppression> suppressions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(suppressions);

        _byDetector = suppressions
            .Where(suppression => suppression.ExpiresAt > now)
            .GroupBy(suppression => suppression.DetectorId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Number of suppressions in force.</summary>
    public int Count => _byDetector.Values.Sum(list => list.Count);

    /// <summary>Returns the first suppression in force that covers <paramref name="alert"/>, or null.</summary>
    public Suppression? Match(NormalizedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);

        if (alert.DetectorId is not { } detectorId || !_byDetector.TryGetValue(detectorId, out var candidates))
        {
            return null;
        }

        // The prefix lengths only shape IP keys, which are matched by containment below instead.
        var keys = SuppressionKeys.Of(alert.Entities, new TuningOptions())
            .Where(key => key.Field != SuppressionFields.IpPrefix)
            .ToHashSet();
        var addresses = alert.Entities.OfType<IpEntity>()
            .Select(ip => IpAddressNormalizer.TryNormalize(ip.Address, out var address) ? address : null)
            .OfType<IPAddress>()
            .Select(address => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
            .ToList();

        return candidates.FirstOrDefault(suppression => suppression.EntityField == SuppressionFields.IpPrefix
            ? IPNetwork.TryParse(suppression.EntityValue, out var network) && addresses.Any(network.Contains)
            : keys.Contains((suppression.EntityField, suppression.EntityValue.ToLowerInvariant())));
    }
}
