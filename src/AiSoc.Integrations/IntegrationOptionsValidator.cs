using Microsoft.Extensions.Options;

namespace AiSoc.Integrations;

/// <summary>Rejects Graph settings that would send requests or tokens to an unexpected place.</summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (!EndpointRules.IsAllowed(options.BaseUrl))
        {
            errors.Add($"{GraphOptions.SectionName}:BaseUrl '{options.BaseUrl}' is invalid: use an absolute https URL, or http only for a loopback address.");
        }

        if (string.IsNullOrWhiteSpace(options.Scope))
        {
            errors.Add($"{GraphOptions.SectionName}:Scope is missing.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{GraphOptions.SectionName}:MaxRetries {options.MaxRetries} is invalid: use 0 to 10.");
        }

        if (options.RetryDelaySeconds is < 1 or > 180)
        {
            errors.Add($"{GraphOptions.SectionName}:RetryDelaySeconds {options.RetryDelaySeconds} is invalid: use 1 to 180.");
        }

        if (options.MaxRetryAfterSeconds < 1)
        {
            errors.Add($"{GraphOptions.SectionName}:MaxRetryAfterSeconds {options.MaxRetryAfterSeconds} is invalid: use 1 or more.");
        }

        if (options.MaxRecentItems is < 1 or > 100)
        {
            errors.Add($"{GraphOptions.SectionName}:MaxRecentItems {options.MaxRecentItems} is invalid: use 1 to 100.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Rejects Defender settings that the API would reject later, or that would send tokens to an unexpected place.</summary>
public sealed class DefenderOptionsValidator : IValidateOptions<DefenderOptions>
{
    public ValidateOptionsResult Validate(string? name, DefenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        const string Section = DefenderOptions.SectionName;

        if (!EndpointRules.IsAllowed(options.BaseAddress))
        {
            errors.Add($"{Section}:BaseAddress '{options.BaseAddress}' is invalid: use an absolute https URL, or http only for a loopback address.");
        }

        if (string.IsNullOrWhiteSpace(options.Scope))
        {
            errors.Add($"{Section}:Scope is missing.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{Section}:MaxRetries {options.MaxRetries} is invalid: use 0 to 10.");
        }

        if (options.MaxRetryDelay <= TimeSpan.Zero || options.AttemptTimeout <= TimeSpan.Zero || options.RetryBaseDelay <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:MaxRetryDelay, RetryBaseDelay and AttemptTimeout must be positive.");
        }

        if (options.IsolationType is not ("Full" or "Selective"))
        {
            errors.Add($"{Section}:IsolationType '{options.IsolationType}' is invalid: use Full or Selective.");
        }

        if (options.ScanType is not ("Quick" or "Full"))
        {
            errors.Add($"{Section}:ScanType '{options.ScanType}' is invalid: use Quick or Full.");
        }

        if (options.IndicatorAction is not ("Block" or "Alert"))
        {
            errors.Add($"{Section}:IndicatorAction '{options.IndicatorAction}' is invalid: use Block or Alert.");
        }

        if (options.IndicatorLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:IndicatorLifetime must be positive.");
        }

        if (options.MaxTenantIndicators is < 1 or > 15_000)
        {
            errors.Add($"{Section}:MaxTenantIndicators {options.MaxTenantIndicators} is invalid: use 1 to 15000.");
        }

        if (options.MaxQuarantineDevices < 1)
        {
            errors.Add($"{Section}:MaxQuarantineDevices {options.MaxQuarantineDevices} is invalid: use 1 or more.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Endpoint rules shared by both clients.</summary>
internal static class EndpointRules
{
    /// <summary>True for an absolute https URL, or an http URL on a loopback address (test fakes).</summary>
    public static bool IsAllowed(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
