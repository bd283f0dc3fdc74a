using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Tuning;

/// <summary>Checks at start-up that the optional tuning paths that are set exist, so a typo fails the deployment, not the Monday run.</summary>
public sealed class ScheduledTuningOptionsValidator : IValidateOptions<ScheduledTuningOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduledTuningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.OutcomesPath) && !File.Exists(options.OutcomesPath) && !Directory.Exists(options.OutcomesPath))
        {
            failures.Add($"Tuning:OutcomesPath '{options.OutcomesPath}' is not an existing file or folder; set it to the labelled exports, or leave it empty to read only the case record store.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConfigPath) && !File.Exists(options.ConfigPath))
        {
            failures.Add($"Tuning:ConfigPath '{options.ConfigPath}' is not an existing file; set it to the tuning thresholds file, or leave it empty for the defaults.");
        }

        if (!string.IsNullOrWhiteSpace(options.OutputPath) && options.OutputPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Tuning:OutputPath '{options.OutputPath}' contains characters that are invalid in a path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
