using System.Text.Json;
using System.Text.Json.Serialization;
using AiSoc.Narratives;
using Azure.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiSoc.Cli.Commands;

/// <summary>Creates the narrative writer of a run: the template by default, or a chat model from a <c>--narratives</c> file.</summary>
internal static class InvestigateNarrativeSettings
{
    /// <summary>Environment variable read for the API key when the <c>--narratives</c> file has none.</summary>
    public const string ApiKeyVariable = "AISOC_OPENAI_KEY";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Creates the writer for <paramref name="path"/>, or the template writer when it is null.</summary>
    /// <exception cref="InvalidDataException">The file is missing, is not valid JSON, or its options are invalid; the message names the file.</exception>
    public static INarrativeWriter CreateWriter(string? path)
    {
        if (path is null)
        {
            return new TemplateNarrativeWriter();
        }

        var options = Load(path);
        try
        {
            // Entra ID sign-in to Azure OpenAI uses the default Azure credential chain, as the tenant file's default does.
            var credential = options.CredentialKind == NarrativeCredentialKind.TokenCredential ? new DefaultAzureCredential() : null;
            var client = NarrativeChatClientFactory.Create(options, credential);
            return new ChatNarrativeWriter(client, options, TimeProvider.System, NullLogger<ChatNarrativeWriter>.Instance);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"Narrative options file {path}: {exception.Message}", exception);
        }
    }

    private static NarrativeOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Narrative options file {path} was not found.");
        }

        NarrativeOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<NarrativeOptions>(File.ReadAllText(path), Json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Narrative options file {path}: invalid JSON at {exception.Path ?? "$"}: {exception.Message}", exception);
        }

        if (options is null)
        {
            throw new InvalidDataException($"Narrative options file {path}: expected a JSON object, found null.");
        }

        if (options.CredentialKind == NarrativeCredentialKind.ApiKey && string.IsNullOrEmpty(options.ApiKey))
        {
            options.ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable);
        }

        return options;
    }
}
