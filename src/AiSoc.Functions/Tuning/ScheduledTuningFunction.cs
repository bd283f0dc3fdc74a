using Microsoft.Azure.Functions.Worker;

namespace AiSoc.Functions.Tuning;

/// <summary>Timer trigger of the scheduled tuning run; the schedule is the <c>Tuning:Schedule</c> setting.</summary>
public sealed class ScheduledTuningFunction(ScheduledTuningRun run)
{
    [Function("ScheduledTuning")]
    public Task RunAsync([TimerTrigger("%Tuning:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) => run.RunAsync(cancellationToken);
}
