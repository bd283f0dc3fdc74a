using Microsoft.Azure.Functions.Worker;

namespace AiSoc.Functions.Graph;

/// <summary>Timer trigger of the Graph security poller; the schedule is the <c>GraphPolling:Schedule</c> setting.</summary>
public sealed class GraphPollFunction(GraphSecurityPoller poller)
{
    [Function("GraphSecurityPoll")]
    public Task RunAsync([TimerTrigger("%GraphPolling:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollAsync(cancellationToken);
}
