using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Core;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AiSoc.Narratives;

/// <summary>Creates the <see cref="IChatClient"/> that <see cref="ChatNarrativeWriter"/> calls, from validated options.</summary>
public static class NarrativeChatClientFactory
{
    /// <summary>
    /// Creates a chat client for <paramref name="options"/>, or returns null when no provider is configured.
    /// The client retries at most <see cref="NarrativeOptions.MaxRetries"/> times and gives each try at most
    /// <see cref="NarrativeOptions.Timeout"/>, so the writer's own timeout is the one that applies.
    /// </summary>
    /// <param name="options">The narrative options. Invalid options throw <see cref="ArgumentException"/>.</param>
    /// <param name="tokenCredential">The Entra ID credential when <see cref="NarrativeOptions.CredentialKind"/> is TokenCredential.</param>
    public static IChatClient? Create(NarrativeOptions options, TokenCredential? tokenCredential = null)
    {
        NarrativeOptionsValidator.ThrowIfInvalid(options);

        return options.Provider switch
        {
            NarrativeProvider.None => null,
            NarrativeProvider.AzureOpenAI => CreateAzure(options, tokenCredential),
            NarrativeProvider.OpenAI => CreateOpenAI(options),
            _ => throw new ArgumentException($"Narratives: Provider '{options.Provider}' is not supported.", nameof(options)),
        };
    }

    private static IChatClient CreateAzure(NarrativeOptions options, TokenCredential? tokenCredential)
    {
        var clientOptions = new AzureOpenAIClientOptions();
        ApplyPipelineLimits(clientOptions, options);

        var endpoint = options.Endpoint!;
        AzureOpenAIClient client;
        if (options.CredentialKind == NarrativeCredentialKind.TokenCredential)
        {
            if (tokenCredential is null)
            {
                throw new ArgumentException("Narratives: CredentialKind is TokenCredential but no token credential was supplied.", nameof(tokenCredential));
            }

            client = new AzureOpenAIClient(endpoint, tokenCredential, clientOptions);
        }
        else
        {
            client = new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey!), clientOptions);
        }

        return client.GetChatClient(options.Deployment).AsIChatClient();
    }

    private static IChatClient CreateOpenAI(NarrativeOptions options)
    {
        var clientOptions = new OpenAIClientOptions();
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        ApplyPipelineLimits(clientOptions, options);

        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions);
        return client.GetChatClient(options.Deployment).AsIChatClient();
    }

    private static void ApplyPipelineLimits(ClientPipelineOptions pipelineOptions, NarrativeOptions options)
    {
        pipelineOptions.RetryPolicy = new ClientRetryPolicy(options.MaxRetries);
        pipelineOptions.NetworkTimeout = options.Timeout;
    }
}
