using System.Text.Json;

namespace AiSoc.Functions.Graph;

/// <summary>
/// Reads Microsoft Graph security alerts (<c>alerts_v2</c>) or incidents changed since a time, following
/// <c>@odata.nextLink</c> pages. Each item is one alert or incident object as Graph returns it.
/// </summary>
public interface IGraphSecurityFeed
{
    /// <summary>
    /// Returns the items whose <c>lastUpdateDateTime</c> is at or after <paramref name="since"/>
    /// (<c>$filter=lastUpdateDateTime ge {since}</c>). The caller disposes nothing; elements stay valid after the call.
    /// </summary>
    IAsyncEnumerable<JsonElement> ReadChangedAsync(GraphSecurityResource resource, DateTimeOffset since, CancellationToken cancellationToken);
}
