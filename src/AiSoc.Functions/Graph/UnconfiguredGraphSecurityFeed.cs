using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Graph;

/// <summary>
/// The feed registered until <see cref="GraphSecurityFeedServices.AddGraphSecurityFeed"/> replaces it with the
/// Microsoft Graph client. It returns no items and logs that polling is not connected.
/// </summary>
public sealed partial class UnconfiguredGraphSecurityFeed(ILogger<UnconfiguredGraphSecurityFeed> logger) : IGraphSecurityFeed
{
    public async IAsyncEnumerable<JsonElement> ReadChangedAsync(GraphSecurityResource resource, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        LogNotConfigured(logger, resource);
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning,
        Message = "Graph security polling of {Resource} is not connected: no IGraphSecurityFeed implementation is registered, so nothing was read")]
    private static partial void LogNotConfigured(ILogger logger, GraphSecurityResource resource);
}
