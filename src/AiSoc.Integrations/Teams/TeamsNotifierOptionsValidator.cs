using System.Globalization;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.Teams;

/// <summary>
/// Rejects Teams notifier settings that would fail every notice or send it to an unexpected place. No message contains
/// a URL, because each workflow URL contains its signature.
/// </summary>
public sealed class TeamsNotifierOptionsValidator : IValidateOptions<TeamsNotifierOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, TeamsNotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string Section = TeamsNotifierOptions.SectionName;

        if (options.WebhookUrl is null)
        {
            errors.Add($"{Section}:WebhookUrl is missing. Set it to the HTTP URL of the Teams workflow \"Post to a channel when a webhook request is received\".");
        }
        else if (!EndpointRules.IsAllowed(options.WebhookUrl))
        {
            errors.Add($"{Section}:WebhookUrl is invalid: use an absolute https URL. The value is not shown because it contains the workflow signature.");
        }

        foreach (var (recipient, url) in options.Channels)
        {
            if (!EndpointRules.IsAllowed(url))
            {
                errors.Add($"{Section}:Channels:{recipient} is invalid: use an absolute https URL. The value is not shown because it contains the workflow signature.");
            }
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
        {
            errors.Add($"{Section}:Timeout {Format(options.Timeout)} is invalid: use more than 00:00:00 and at most {Format(MaxTimeout)}.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{Section}:MaxRetries {options.MaxRetries} is invalid: use 0 to 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > options.MaxRetryDelay)
        {
            errors.Add($"{Section}:RetryBaseDelay {Format(options.RetryBaseDelay)} is invalid: use 00:00:00 up to MaxRetryDelay ({Format(options.MaxRetryDelay)}).");
        }

        if (options.MaxRetryDelay < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Section}:MaxRetryDelay {Format(options.MaxRetryDelay)} is invalid: use 00:00:01 or more, because a Retry-After is at least one second.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
