using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Functions.Operations;

/// <summary>
/// Reads pipeline health every <see cref="OperationsOptions.HealthRefreshInterval"/> while the instance runs, so
/// the gauges of <see cref="PipelineMetrics"/> have current values between health route calls.
/// </summary>
public sealed partial class PipelineHealthRefresher(
    PipelineHealthCollector collector,
    PipelineMetrics metrics,
    IOptions<OperationsOptions> options,
    TimeProvider timeProvider,
    ILogger<PipelineHealthRefresher> logger) : BackgroundService
{
    /// <summary>The gauges this service keeps current; resolving it here registers them with the meter.</summary>
    public PipelineMetrics Metrics { get; } = metrics;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HealthRefreshInterval, timeProvider);
        do
        {
            try
            {
                await collector.CollectAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (RequestFailedException error)
            {
                LogRefreshFailed(logger, error.Status, error.ErrorCode ?? "none", error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 5520, Level = LogLevel.Warning, Message = "Reading pipeline health failed with storage status {Status} ({ErrorCode}); the gauges keep the previous values")]
    private static partial void LogRefreshFailed(ILogger logger, int status, string errorCode, Exception error);
}
