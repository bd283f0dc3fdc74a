using AiSoc.Integrations.WriteBack;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Incidents;

/// <summary>Requires the workspace setting that the incident intake reads incidents from.</summary>
internal sealed class IncidentIntakeOptionsValidator : IValidateOptions<SentinelOptions>
{
    public ValidateOptionsResult Validate(string? name, SentinelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return string.IsNullOrWhiteSpace(options.WorkspaceResourceId)
            ? ValidateOptionsResult.Fail(
                $"{SentinelOptions.SectionName}:WorkspaceResourceId is missing: the incident webhook reads incidents of that Sentinel workspace only; set it to the workspace ARM id.")
            : ValidateOptionsResult.Success;
    }
}
