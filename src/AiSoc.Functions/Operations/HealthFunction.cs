using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AiSoc.Functions.Operations;

/// <summary>
/// <c>GET /api/health</c>, anonymous: the app version, whether table storage is reachable, and pipeline health.
/// It returns 200 when storage is reachable and 503 otherwise. The body contains counts and ages only, never
/// settings, endpoints or error messages.
/// </summary>
public sealed partial class HealthFunction(StorageProbe storage, PipelineHealthCollector collector, ILogger<HealthFunction> logger)
{
    [Function("Health")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient? durableClient,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        PipelineHealthSnapshot? pipeline;
        string? storageError = null;
        try
        {
            await storage.CheckAsync(cancellationToken).ConfigureAwait(false);
            pipeline = await collector.CollectAsync(durableClient, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is RequestFailedException or HttpRequestException or AggregateException)
        {
            // Only the exception type is returned; messages can contain endpoint addresses.
            storageError = error.GetType().Name;
            LogStorageUnreachable(logger, storageError, error);
            pipeline = collector.Last;
        }

        var healthy = storageError is null;
        var body = new HealthReport(healthy ? "healthy" : "unhealthy", AiSocTelemetry.Version, new StorageHealth(healthy, storageError), pipeline);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ObjectResult(body) { StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }

    [LoggerMessage(EventId = 5530, Level = LogLevel.Error, Message = "Health check could not read table storage ({ErrorType})")]
    private static partial void LogStorageUnreachable(ILogger logger, string errorType, Exception error);
}

/// <summary>Body of the health route.</summary>
public sealed record HealthReport(string Status, string Version, StorageHealth Storage, PipelineHealthSnapshot? Pipeline);

/// <summary>Table storage reachability, and the exception type when it was not reachable.</summary>
public sealed record StorageHealth(bool Reachable, string? ErrorType);
