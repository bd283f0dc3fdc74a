using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Approvals;

/// <summary>Checks the approval route settings at start-up and names each missing or invalid setting.</summary>
public sealed class ApprovalRouteOptionsValidator : IValidateOptions<ApprovalRouteOptions>
{
    /// <summary>Shortest anti-forgery secret accepted, in characters; <see cref="AiSoc.Approvals.AntiForgeryTokens"/> needs 32 bytes.</summary>
    public const int MinAntiForgeryKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ApprovalRouteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        const string section = ApprovalRouteOptions.SectionName;
        var failures = new List<string>();
        var authentication = options.Authentication;
        AddIfBlank(failures, authentication.TenantId, $"Missing {section}:Authentication:TenantId: set the Entra tenant id of the approvers.");
        AddIfBlank(failures, authentication.Audience, $"Missing {section}:Authentication:Audience: set the approval app registration's client id or application id URI.");
        AddIfBlank(failures, authentication.ApproverRole, $"Missing {section}:Authentication:ApproverRole: set the app role approvers hold, such as Incident.Approve.");
        AddIfBlank(failures, authentication.RequiredAuthenticationMethod, $"Missing {section}:Authentication:RequiredAuthenticationMethod: set it to mfa.");

        if (authentication.ClockSkew < TimeSpan.Zero || authentication.ClockSkew > TimeSpan.FromMinutes(10))
        {
            failures.Add($"Invalid {section}:Authentication:ClockSkew '{authentication.ClockSkew}': expected 0 to 10 minutes.");
        }

        if (options.AntiForgeryKey.Length < MinAntiForgeryKeyLength)
        {
            failures.Add($"Invalid {section}:AntiForgeryKey: it has {options.AntiForgeryKey.Length} characters; set a random secret of at least {MinAntiForgeryKeyLength}.");
        }

        if (options.AntiForgeryLifetime <= TimeSpan.Zero || options.AntiForgeryLifetime > TimeSpan.FromHours(8))
        {
            failures.Add($"Invalid {section}:AntiForgeryLifetime '{options.AntiForgeryLifetime}': expected more than 0 and at most 8 hours.");
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
