using AiSoc.Investigations.Ports;
using AiSoc.Narratives;
using AiSoc.Narratives.Investigations;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Investigations;

/// <summary>
/// Registers the narrative writer of the function app, section <c>Narratives</c>: the deterministic template by
/// default, or the Azure OpenAI deployment that <c>deployOpenAI</c> creates, reached with the host identity.
/// </summary>
public static class NarrativeHostServices
{
    public const string SectionName = "Narratives";

    /// <exception cref="InvalidOperationException">The <c>Narratives</c> settings are invalid; the message names them.</exception>
    public static IServiceCollection AddNarratives(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var options = configuration.GetSection(SectionName).Get<NarrativeOptions>() ?? new NarrativeOptions();
        var problems = NarrativeOptionsValidator.Validate(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Invalid {SectionName} settings: {string.Join(" ", problems)}");
        }

        services.AddSingleton<INarrativeWriter>(provider => new ChatNarrativeWriter(
            NarrativeChatClientFactory.Create(options, Credential(options)),
            options,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ChatNarrativeWriter>>()));
        services.AddSingleton(provider => new InvestigationNarratives(provider.GetRequiredService<INarrativeWriter>(), provider.GetRequiredService<IInvestigationStore>()));
        return services;
    }

    private static TokenCredential? Credential(NarrativeOptions options)
    {
        if (options.CredentialKind != NarrativeCredentialKind.TokenCredential)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
    }
}
