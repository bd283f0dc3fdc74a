using Microsoft.Extensions.Logging;

namespace AiSoc.Narratives.Tests.Support;

/// <summary>Creates a <see cref="ChatNarrativeWriter"/> over the real OpenAI or Azure OpenAI client pointed at a <see cref="FakeChatServer"/>.</summary>
public static class WriterFactory
{
    public const string Deployment = "narratives-gpt4o";

    public const string ApiKey = "test-key-not-secret";

    public static NarrativeOptions AzureOptions(FakeChatServer server, TimeSpan? timeout = null, int maxRetries = 0) => new()
    {
        Provider = NarrativeProvider.AzureOpenAI,
        Endpoint = server.BaseAddress,
        Deployment = Deployment,
        ApiKey = ApiKey,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        MaxRetries = maxRetries,
    };

    public static NarrativeOptions OpenAIOptions(FakeChatServer server) => new()
    {
        Provider = NarrativeProvider.OpenAI,
        Endpoint = new Uri(server.BaseAddress, "v1/"),
        Deployment = Deployment,
        ApiKey = ApiKey,
        Timeout = TimeSpan.FromSeconds(10),
        MaxRetries = 0,
    };

    public static ChatNarrativeWriter Create(NarrativeOptions options, ILogger<ChatNarrativeWriter>? logger = null) =>
        new(NarrativeChatClientFactory.Create(options), options, TimeProvider.System, logger ?? new ListLogger<ChatNarrativeWriter>());
}
