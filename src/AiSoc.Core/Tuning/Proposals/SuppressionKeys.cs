using AiSoc.Core.Parsing;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Tuning.Proposals;

/// <summary>Reads the stable suppression keys of an alert's entities; see <see cref="SuppressionFields"/>.</summary>
internal static class SuppressionKeys
{
    public static IEnumerable<(string Field, string Value)> Of(IEnumerable<Entity> entities, TuningOptions options)
    {
        foreach (var entity in entities)
        {
            switch (entity)
            {
                case AccountEntity { IsBuiltIn: false } account:
                    if (account.ObjectId is { } objectId)
                    {
                        yield return (SuppressionFields.AccountObjectId, objectId.ToLowerInvariant());
                    }

                    if (account.Upn is { } upn)
                    {
                        yield return (SuppressionFields.AccountUpn, upn.ToLowerInvariant());
                    }

                    break;

                case HostEntity host:
                    if (host.DefenderDeviceId is { } deviceId)
                    {
                        yield return (SuppressionFields.HostDefenderDeviceId, deviceId.ToLowerInvariant());
                    }

                    if (host.AzureAdDeviceId is { } aadDeviceId)
                    {
                        yield return (SuppressionFields.HostAzureAdDeviceId, aadDeviceId.ToLowerInvariant());
                    }

                    if (host.Fqdn is { } fqdn)
                    {
                        yield return (SuppressionFields.HostFqdn, fqdn.ToLowerInvariant());
                    }

                    break;

                case IpEntity ip when IpAddressNormalizer.TryNormalize(ip.Address, out var address) && address is not null:
                    var prefix = IpPrefixes.Of(address, options.Ipv4PrefixLength, options.Ipv6PrefixLength);
                    yield return (SuppressionFields.IpPrefix, prefix.ToString());
                    break;
            }
        }
    }
}
