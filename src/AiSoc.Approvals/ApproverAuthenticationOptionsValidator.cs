using Microsoft.Extensions.Options;

namespace AiSoc.Approvals;

/// <summary>Validates <see cref="ApproverAuthenticationOptions"/> at start-up.</summary>
public sealed class ApproverAuthenticationOptionsValidator : IValidateOptions<ApproverAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, ApproverAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        var section = ApproverAuthenticationOptions.SectionName;
        AddIfBlank(failures, options.TenantId, $"{section}:TenantId is missing; set the Entra tenant id.");
        AddIfBlank(failures, options.Issuer, $"{section}:Issuer is missing; set the token issuer URL.");
        AddIfBlank(failures, options.Audience, $"{section}:Audience is missing; set the approval app's client id.");
        AddIfBlank(failures, options.ApproverRole, $"{section}:ApproverRole is missing; set the app role approvers hold.");
        AddIfBlank(failures, options.RequiredAuthenticationMethod, $"{section}:RequiredAuthenticationMethod is missing; set it to mfa.");

        if (options.SigningKeys.Count == 0)
        {
            failures.Add($"{section}:SigningKeys is empty; load the tenant's signing keys before start-up.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{section}:ClockSkew is {options.ClockSkew}; expected 0 to 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddIfBlank(List<string> failures, string value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add(message);
        }
    }
}
