using Microsoft.Extensions.Options;

namespace AiSoc.Investigations;

/// <summary>Validates <see cref="InvestigationOptions"/> at start-up.</summary>
public sealed class InvestigationOptionsValidator : IValidateOptions<InvestigationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvestigationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        var section = InvestigationOptions.SectionName;

        if (options.ApprovalPageBaseUrl is not { IsAbsoluteUri: true } url || url.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{section}:ApprovalPageBaseUrl is '{options.ApprovalPageBaseUrl}'; expected an absolute https URL.");
        }

        if (options.ApprovalRecheckInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:ApprovalRecheckInterval is {options.ApprovalRecheckInterval}; expected a positive duration.");
        }

        if (options.HumanReviewTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:HumanReviewTimeout is {options.HumanReviewTimeout}; expected a positive duration.");
        }

        if (string.IsNullOrWhiteSpace(options.HumanReviewEscalateTo))
        {
            failures.Add($"{section}:HumanReviewEscalateTo is missing; expected a role or team such as soc-tier2.");
        }

        if (options.VerifyPollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:VerifyPollInterval is {options.VerifyPollInterval}; expected a positive duration.");
        }

        if (options.VerifyMaxPolls < 0)
        {
            failures.Add($"{section}:VerifyMaxPolls is {options.VerifyMaxPolls}; expected 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <exception cref="OptionsValidationException"><paramref name="options"/> is invalid.</exception>
    public static void ThrowIfInvalid(InvestigationOptions options)
    {
        var result = new InvestigationOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(InvestigationOptions.SectionName, typeof(InvestigationOptions), result.Failures);
        }
    }
}
