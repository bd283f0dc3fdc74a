using AiSoc.Core.Normalizers.Common;
using AiSoc.Core.Schema;

namespace AiSoc.Core.Normalizers.DefenderForCloud;

/// <summary>Turns the ARM id of the resource an alert is about into entities.</summary>
internal static class AzureResourceEntities
{
    /// <summary>
    /// Adds an azure-resource entity for <paramref name="resourceId"/> and, when it names a virtual machine or an
    /// Arc machine, gives the matching host entity its Azure id, or adds that host. Ids of a whole subscription or
    /// resource group are skipped, because their key would link every alert in that scope.
    /// </summary>
    public static void Link(List<Entity> entities, string? resourceId, EntityRole? role)
    {
        if (resourceId is null || !resourceId.Contains("/providers/", StringComparison.OrdinalIgnoreCase)
            || !resourceId.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!entities.Exists(e => e is AzureResourceEntity r && r.ResourceId.Equals(resourceId, StringComparison.OrdinalIgnoreCase)))
        {
            entities.Add(new AzureResourceEntity { ResourceId = resourceId, Role = role });
        }

        if (MachineName(resourceId) is not { } machine
            || entities.Exists(e => e is HostEntity h && resourceId.Equals(h.AzureResourceId, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var index = entities.FindIndex(e => e is HostEntity { AzureResourceId: null } h
            && machine.Equals(h.HostName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            entities[index] = ((HostEntity)entities[index]) with { AzureResourceId = resourceId };
            return;
        }

        if (EntityFactory.Host(hostName: machine, azureResourceId: resourceId, role: role) is { } host)
        {
            entities.Add(host);
        }
    }

    /// <summary>Returns the machine name of a Microsoft.Compute/virtualMachines or Microsoft.HybridCompute/machines id.</summary>
    private static string? MachineName(string resourceId)
    {
        var segments = resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var isVm = segments[i - 1].Equals("Microsoft.Compute", StringComparison.OrdinalIgnoreCase)
                && segments[i].Equals("virtualMachines", StringComparison.OrdinalIgnoreCase);
            var isArcMachine = segments[i - 1].Equals("Microsoft.HybridCompute", StringComparison.OrdinalIgnoreCase)
                && segments[i].Equals("machines", StringComparison.OrdinalIgnoreCase);

            // A longer id names a child resource, such as a VM extension, not the machine.
            if ((isVm || isArcMachine) && i + 2 == segments.Length)
            {
                return segments[i + 1];
            }
        }

        return null;
    }
}
