namespace AiSoc.Narratives;

/// <summary>Checks <see cref="NarrativeOptions"/> at start-up, so a bad setting fails before the first incident.</summary>
public static class NarrativeOptionsValidator
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Returns every problem of <paramref name="options"/>, or an empty list when the options are valid.</summary>
    public static IReadOnlyList<string> Validate(NarrativeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var errors = new List<string>();
        ValidateLimits(options, errors);
        if (options.Provider == NarrativeProvider.None)
        {
            return errors;
        }

        ValidateEndpoint(options, errors);
        if (string.IsNullOrWhiteSpace(options.Deployment))
        {
            errors.Add("Narratives: Deployment is missing; set the Azure OpenAI deployment name or the OpenAI model name.");
        }

        ValidateCredential(options, errors);
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem when <paramref name="options"/> are invalid.</summary>
    public static void ThrowIfInvalid(NarrativeOptions options)
    {
        var errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid narrative options: " + string.Join(" ", errors), nameof(options));
        }
    }

    private static void ValidateLimits(NarrativeOptions options, List<string> errors)
    {
        if (options.Timeout < MinTimeout || options.Timeout > MaxTimeout)
        {
            errors.Add($"Narratives: Timeout {options.Timeout} is invalid; use a value from {MinTimeout} to {MaxTimeout}.");
        }

        if (options.MaxRetries is < 0 or > 5)
        {
            errors.Add($"Narratives: MaxRetries {options.MaxRetries} is invalid; use a value from 0 to 5.");
        }

        if (options.MaxOutputTokens is < 100 or > 16000)
        {
            errors.Add($"Narratives: MaxOutputTokens {options.MaxOutputTokens} is invalid; use a value from 100 to 16000.");
        }

        if (options.MaxFieldLength is < 16 or > 4000)
        {
            errors.Add($"Narratives: MaxFieldLength {options.MaxFieldLength} is invalid; use a value from 16 to 4000.");
        }

        if (options.MaxAlerts is < 1 or > 200)
        {
            errors.Add($"Narratives: MaxAlerts {options.MaxAlerts} is invalid; use a value from 1 to 200.");
        }
    }

    private static void ValidateEndpoint(NarrativeOptions options, List<string> errors)
    {
        var endpoint = options.Endpoint;
        if (endpoint is null)
        {
            if (options.Provider == NarrativeProvider.AzureOpenAI)
            {
                errors.Add("Narratives: Endpoint is missing; Azure OpenAI needs the resource endpoint, such as https://contoso.openai.azure.com/.");
            }

            return;
        }

        if (!endpoint.IsAbsoluteUri)
        {
            errors.Add($"Narratives: Endpoint '{endpoint}' is invalid; use an absolute https URL.");
            return;
        }

        var isHttps = endpoint.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback;
        if (!isHttps && !isLoopbackHttp)
        {
            errors.Add($"Narratives: Endpoint '{endpoint}' is invalid; use https (plain http is accepted only for a loopback address).");
        }
    }

    private static void ValidateCredential(NarrativeOptions options, List<string> errors)
    {
        if (options.CredentialKind == NarrativeCredentialKind.ApiKey && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add("Narratives: ApiKey is missing; set it or use CredentialKind TokenCredential with Azure OpenAI.");
        }

        if (options.CredentialKind == NarrativeCredentialKind.TokenCredential && options.Provider != NarrativeProvider.AzureOpenAI)
        {
            errors.Add("Narratives: CredentialKind TokenCredential is supported only with Provider AzureOpenAI; use ApiKey for OpenAI.");
        }
    }
}
