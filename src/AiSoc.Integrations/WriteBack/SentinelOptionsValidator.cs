using AiSoc.Integrations.Sentinel;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.WriteBack;

/// <summary>Rejects Sentinel write-back settings that would send tokens to an unexpected place or that ARM would reject.</summary>
public sealed class SentinelOptionsValidator : IValidateOptions<SentinelOptions>
{
    public ValidateOptionsResult Validate(string? name, SentinelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string Section = SentinelOptions.SectionName;

        if (!EndpointRules.IsAllowed(options.ArmBaseAddress))
        {
            errors.Add($"{Section}:ArmBaseAddress '{options.ArmBaseAddress}' is invalid: use an absolute https URL, or http only for a loopback address.");
        }

        if (string.IsNullOrWhiteSpace(options.Scope) || string.IsNullOrWhiteSpace(options.ApiVersion))
        {
            errors.Add($"{Section}:Scope and {Section}:ApiVersion are required.");
        }

        if (!string.IsNullOrWhiteSpace(options.WorkspaceResourceId) && !SentinelWorkspaceIds.IsWorkspaceResourceId(options.WorkspaceResourceId))
        {
            errors.Add($"{Section}:WorkspaceResourceId '{options.WorkspaceResourceId}' is invalid: use the workspace ARM id, "
                + "/subscriptions/{subscription id}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{name}.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{Section}:MaxRetries {options.MaxRetries} is invalid: use 0 to 10.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.MaxRetryDelay <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:RetryBaseDelay and MaxRetryDelay must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
