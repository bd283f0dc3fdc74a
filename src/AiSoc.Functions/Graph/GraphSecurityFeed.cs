using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AiSoc.Functions.Graph;

/// <summary>
/// An <see cref="IGraphSecurityFeed"/> on the Microsoft Graph SDK's <see cref="GraphServiceClient"/>. Requests are
/// built with the SDK's request builders and sent through its request adapter, so authentication, the retry handler
/// (429 and 5xx with <c>Retry-After</c>) and error mapping are the SDK's. Each response page is read as raw JSON
/// rather than as Kiota models, so every field Graph sent reaches the normalizers unchanged, including fields and
/// enum values that SDK version does not know.
/// </summary>
public sealed partial class GraphSecurityFeed(GraphServiceClient client, IOptions<GraphPollingOptions> options, ILogger<GraphSecurityFeed> logger) : IGraphSecurityFeed
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new(StringComparer.Ordinal)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    /// <inheritdoc />
    /// <exception cref="ODataError">Graph returned an error after the SDK's retries.</exception>
    /// <exception cref="InvalidDataException">A page has no <c>value</c> array, or its next link leaves the configured Graph host.</exception>
    public async IAsyncEnumerable<JsonElement> ReadChangedAsync(GraphSecurityResource resource, DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = "lastUpdateDateTime ge " + since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var request = FirstPage(resource, filter, options.Value.PageSize);
        var pages = 0;
        var items = 0;

        while (request is not null)
        {
            pages++;
            using var page = await ReadPageAsync(resource, request, pages, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.RootElement.GetProperty("value").EnumerateArray())
            {
                items++;
                yield return item.Clone();
            }

            request = NextPage(resource, page.RootElement, pages);
        }

        LogRead(logger, resource, since, items, pages);
    }

    // $orderby is not among the query options that alerts_v2 and incidents document, so none is sent: the poller takes
    // the latest lastUpdateDateTime of everything read, whatever the order.
    private RequestInformation FirstPage(GraphSecurityResource resource, string filter, int pageSize) => resource switch
    {
        GraphSecurityResource.Alerts => client.Security.Alerts_v2.ToGetRequestInformation(request =>
        {
            request.QueryParameters.Filter = filter;
            request.QueryParameters.Top = pageSize;
        }),
        GraphSecurityResource.Incidents => client.Security.Incidents.ToGetRequestInformation(request =>
        {
            request.QueryParameters.Filter = filter;
            request.QueryParameters.Top = pageSize;
            request.QueryParameters.Expand = ["alerts"];
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown Graph security resource."),
    };

    private RequestInformation? NextPage(GraphSecurityResource resource, JsonElement page, int pageNumber)
    {
        if (!page.TryGetProperty("@odata.nextLink", out var link) || link.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var next))
        {
            throw new InvalidDataException($"Graph {Path(resource)} page {pageNumber}: field @odata.nextLink is not an absolute URL.");
        }

        // The SDK sends a token only to the configured host, but it would still request a link to another host
        // without one, so paging stops before any request leaves the configured host.
        var root = new Uri(client.RequestAdapter.BaseUrl ?? string.Empty, UriKind.Absolute);
        if (Uri.Compare(next, root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new InvalidDataException(
                $"Graph {Path(resource)} page {pageNumber}: field @odata.nextLink points to {next.GetLeftPart(UriPartial.Authority)}, not the configured Graph host {root.GetLeftPart(UriPartial.Authority)}.");
        }

        return resource == GraphSecurityResource.Alerts
            ? client.Security.Alerts_v2.WithUrl(next.AbsoluteUri).ToGetRequestInformation()
            : client.Security.Incidents.WithUrl(next.AbsoluteUri).ToGetRequestInformation();
    }

    private async Task<JsonDocument> ReadPageAsync(GraphSecurityResource resource, RequestInformation request, int pageNumber, CancellationToken cancellationToken)
    {
        var stream = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Graph {Path(resource)} page {pageNumber}: the response has no body.");

        JsonDocument page;
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                page = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException error)
            {
                throw new InvalidDataException($"Graph {Path(resource)} page {pageNumber}: the response is not valid JSON ({error.Message}).", error);
            }
        }

        if (page.RootElement.ValueKind != JsonValueKind.Object
            || !page.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            page.Dispose();
            throw new InvalidDataException($"Graph {Path(resource)} page {pageNumber}: field value is missing or is not an array.");
        }

        return page;
    }

    private static string Path(GraphSecurityResource resource) =>
        resource == GraphSecurityResource.Alerts ? "GET /security/alerts_v2" : "GET /security/incidents";

    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug,
        Message = "Read {ItemCount} Graph {Resource} items changed since {Since:o} in {PageCount} pages")]
    private static partial void LogRead(ILogger logger, GraphSecurityResource resource, DateTimeOffset since, int itemCount, int pageCount);
}
