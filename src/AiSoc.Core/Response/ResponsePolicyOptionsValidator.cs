using AiSoc.Core.Schema;
using Microsoft.Extensions.Options;

namespace AiSoc.Core.Response;

/// <summary>Validates <see cref="ResponsePolicyOptions"/> at start-up; register it with <c>ValidateOnStart</c>.</summary>
public sealed class ResponsePolicyOptionsValidator : IValidateOptions<ResponsePolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, ResponsePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        var section = ResponsePolicyOptions.SectionName;

        if (options.MinimumAutoVerdict is not (Verdict.Suspicious or Verdict.Malicious))
        {
            failures.Add($"{section}:MinimumAutoVerdict is {options.MinimumAutoVerdict}; expected Suspicious or Malicious.");
        }

        if (double.IsNaN(options.MinimumAutoConfidence) || options.MinimumAutoConfidence is < 0 or > 1)
        {
            failures.Add($"{section}:MinimumAutoConfidence is {options.MinimumAutoConfidence}; expected a number from 0 to 1.");
        }

        if (options.MaxAlertAgeForAuto <= TimeSpan.Zero)
        {
            failures.Add($"{section}:MaxAlertAgeForAuto is {options.MaxAlertAgeForAuto}; expected a positive duration.");
        }

        if (options.BlastRadiusWindow <= TimeSpan.Zero)
        {
            failures.Add($"{section}:BlastRadiusWindow is {options.BlastRadiusWindow}; expected a positive duration.");
        }

        if (options.BlastRadiusDefaultLimit < 0)
        {
            failures.Add($"{section}:BlastRadiusDefaultLimit is {options.BlastRadiusDefaultLimit}; expected 0 or more.");
        }

        foreach (var (action, limit) in options.BlastRadiusLimits)
        {
            if (!ActionCatalog.TryParse(action, out _))
            {
                failures.Add($"{section}:BlastRadiusLimits has unknown action '{action}'; expected one of {string.Join(", ", ActionCatalog.Names)}.");
            }
            else if (limit < 0)
            {
                failures.Add($"{section}:BlastRadiusLimits:{action} is {limit}; expected 0 or more.");
            }
        }

        foreach (var action in options.BlockedActions.Where(action => !ActionCatalog.TryParse(action, out _)))
        {
            failures.Add($"{section}:BlockedActions has unknown action '{action}'; expected one of {string.Join(", ", ActionCatalog.Names)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
