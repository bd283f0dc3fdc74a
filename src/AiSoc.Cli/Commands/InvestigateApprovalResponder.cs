using System.Collections.Concurrent;
using System.Threading.Channels;
using AiSoc.Approvals;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using Microsoft.DurableTask.Client;

namespace AiSoc.Cli.Commands;

/// <summary>
/// Decides approval requests for the local runner through <see cref="ApprovalHandler"/> with a locally signed
/// token, then raises the decision event. It also watches the approval store, so a decision made with
/// <c>aisoc approve</c> in another terminal reaches the waiting investigation.
/// </summary>
internal sealed class InvestigateApprovalResponder : INotifier, IAsyncDisposable
{
    private static readonly TimeSpan StorePollInterval = TimeSpan.FromMilliseconds(500);

    private readonly Channel<InvestigationNotice> _requests = Channel.CreateUnbounded<InvestigationNotice>();
    private readonly ConcurrentDictionary<string, string> _waiting = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly InvestigateApprovalMode _mode;
    private readonly ApprovalHandler _handler;
    private readonly IApprovalStore _store;
    private readonly LocalApprover _approver;
    private readonly INotifier _next;
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private Task? _answering;
    private Task? _watching;

    public InvestigateApprovalResponder(InvestigateApprovalMode mode, ApprovalHandler handler, IApprovalStore store, LocalApprover approver, INotifier next, TextReader input, TextWriter output)
    {
        _mode = mode;
        _handler = handler;
        _store = store;
        _approver = approver;
        _next = next;
        _input = input;
        _output = output;
    }

    /// <summary>Starts deciding with <paramref name="client"/> to raise decision events.</summary>
    public void Start(DurableTaskClient client)
    {
        _answering = Task.Run(() => AnswerAsync(client, _stopping.Token));
        _watching = Task.Run(() => WatchStoreAsync(client, _stopping.Token));
    }

    public async Task NotifyAsync(InvestigationNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);

        await _next.NotifyAsync(notice, cancellationToken).ConfigureAwait(false);
        if (notice.Kind == NoticeKind.ApprovalRequested)
        {
            _waiting[notice.ApprovalId] = notice.InvestigationId;
            await _requests.Writer.WriteAsync(notice, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _waiting.TryRemove(notice.ApprovalId, out _);
        }
    }

    private async Task AnswerAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        await foreach (var notice in _requests.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = await _store.GetAsync(notice.ApprovalId, cancellationToken).ConfigureAwait(false);
            if (stored is null || stored.Request.Status != ApprovalStatus.Pending)
            {
                continue;
            }

            var approve = _mode switch
            {
                InvestigateApprovalMode.All => true,
                InvestigateApprovalMode.None => false,
                _ => Ask(notice, stored.Request),
            };
            var comment = _mode == InvestigateApprovalMode.Ask ? "decided at the terminal" : $"--approve {_mode.ToString().ToLowerInvariant()}";
            var decision = new ApprovalDecision(notice.ApprovalId, stored.Request.PlanHash, approve, comment, InvestigateLocalIdentity.CreateToken(_approver));
            var result = await _handler.DecideAsync(decision, cancellationToken).ConfigureAwait(false);
            if (_mode == InvestigateApprovalMode.Ask)
            {
                _output.WriteLine($"Approval {notice.ApprovalId}: {result.Outcome} ({result.Reason}).");
            }

            await RaiseAsync(client, notice.ApprovalId, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Ask(InvestigationNotice notice, ApprovalRequest request)
    {
        _output.WriteLine($"Investigation {notice.InvestigationId} asks for approval {request.ApprovalId} (plan {Core.Response.PlanHasher.Shorten(request.PlanHash)}, expires {request.ExpiresAt:u}):");
        foreach (var action in request.Actions)
        {
            _output.WriteLine($"  - {Core.Response.ActionCatalog.Name(action.Type)} on {action.TargetKind} {Core.Output.MarkdownText.Escape(action.TargetDisplayName, 120)} (impact {action.Impact.ToString().ToLowerInvariant()})");
        }

        while (true)
        {
            _output.Write("Approve? [y/n]: ");
            _output.Flush();
            var answer = _input.ReadLine();
            if (answer is null)
            {
                // At end of input no person can respond, so the request is rejected.
                _output.WriteLine("no input; rejecting.");
                return false;
            }

            switch (answer.Trim().ToLowerInvariant())
            {
                case "y" or "yes":
                    return true;
                case "n" or "no":
                    return false;
            }
        }
    }

    private async Task WatchStoreAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(StorePollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var approvalId in _waiting.Keys)
            {
                var stored = await _store.GetAsync(approvalId, cancellationToken).ConfigureAwait(false);
                if (stored is not null && stored.Request.Status != ApprovalStatus.Pending)
                {
                    await RaiseAsync(client, approvalId, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task RaiseAsync(DurableTaskClient client, string approvalId, CancellationToken cancellationToken)
    {
        if (!_waiting.TryRemove(approvalId, out var instanceId))
        {
            return;
        }

        await client.RaiseEventAsync(instanceId, InvestigationOrchestrator.ApprovalDecidedEvent, approvalId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var task in new[] { _answering, _watching }.OfType<Task>())
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping is the expected end of both loops.
            }
        }

        _stopping.Dispose();
    }
}
