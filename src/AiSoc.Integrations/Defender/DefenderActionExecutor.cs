using AiSoc.Core.Response;
using AiSoc.Core.Response.Ports;
using AiSoc.Integrations.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiSoc.Integrations.Defender;

/// <summary>
/// Carries out the Defender for Endpoint actions: device isolation and app restriction (both reversible), antivirus
/// scan, investigation package, stop-and-quarantine by SHA-1, and custom indicators. Machine actions stay
/// <see cref="ActionExecutionStatus.Pending"/> until Defender reports them Succeeded; the caller polls
/// <see cref="GetStatusAsync"/>.
/// </summary>
public sealed class DefenderActionExecutor : IResponseActionExecutor
{
    private readonly DefenderApiClient api;
    private readonly DefenderOptions options;
    private readonly ILogger<DefenderActionExecutor> logger;
    private readonly MachineActionRunner runner;
    private readonly IndicatorSubmitter indicators;

    public DefenderActionExecutor(
        DefenderApiClient api, DefenderRateBudget budget, IOptions<DefenderOptions> options, TimeProvider timeProvider, ILogger<DefenderActionExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.api = api;
        this.options = options.Value;
        this.logger = logger;
        runner = new MachineActionRunner(api, budget, logger);
        indicators = new IndicatorSubmitter(api, this.options, timeProvider);
    }

    /// <summary>True for the action types this executor carries out.</summary>
    public static bool Handles(ResponseActionType type) =>
        TenantActionCatalog.Find(type)?.Provider == TenantActionCatalog.DefenderProvider;

    public async Task<ActionExecutionResult> ExecuteAsync(ProposedAction action, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (dryRun)
        {
            return ExecutionResults.DryRun($"run {ActionCatalog.Name(action.Type)} on {action.Target.Key}.");
        }

        try
        {
            var result = action.Type switch
            {
                ResponseActionType.BlockIndicator => await indicators.SubmitAsync(action, cancellationToken).ConfigureAwait(false),
                ResponseActionType.StopAndQuarantineFile => await StopAndQuarantineAsync(action, cancellationToken).ConfigureAwait(false),
                _ when MachineActionSpec.For(action.Type) is { } spec => await RunOnDeviceAsync(action, spec, cancellationToken).ConfigureAwait(false),
                _ => ExecutionResults.Failed($"Action {ActionCatalog.Name(action.Type)} is not a Defender for Endpoint action."),
            };

            IntegrationLog.ActionOutcome(logger, action.Type, action.Target.Key, action.IdempotencyKey, result.Status, result.Message);
            return result;
        }
        catch (TenantApiException error)
        {
            IntegrationLog.ActionFailed(logger, action.Type, action.Target.Key, action.IdempotencyKey, error);
            return ExecutionResults.Failed(error.Message);
        }
    }

    public async Task<ActionExecutionResult> GetStatusAsync(ProposedAction action, string providerActionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Type == ResponseActionType.BlockIndicator)
        {
            return new ActionExecutionResult(ActionExecutionStatus.Succeeded, providerActionId, Message: "Indicators take effect when submitted.");
        }

        try
        {
            return await runner.GetStatusAsync(providerActionId, cancellationToken).ConfigureAwait(false);
        }
        catch (TenantApiException error)
        {
            IntegrationLog.ActionFailed(logger, action.Type, action.Target.Key, action.IdempotencyKey, error);
            return new ActionExecutionResult(ActionExecutionStatus.Pending, providerActionId, Message: "Status unknown, poll again: " + error.Message);
        }
    }

    public async Task<ActionExecutionResult> RollbackAsync(ProposedAction action, ActionExecutionResult executed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(executed);

        try
        {
            if (action.Type == ResponseActionType.BlockIndicator)
            {
                return await indicators.DeleteAsync(executed, cancellationToken).ConfigureAwait(false);
            }

            if (MachineActionSpec.For(action.Type) is { ReverseType: not null } spec)
            {
                return await runner.ReverseAsync(action, executed, spec, cancellationToken).ConfigureAwait(false);
            }

            if (action.Type is ResponseActionType.RunAvScan or ResponseActionType.CollectInvestigationPackage)
            {
                return ExecutionResults.NothingToUndo(executed, $"{ActionCatalog.Name(action.Type)} changes nothing on the device that needs undoing.");
            }

            return new ActionExecutionResult(ActionExecutionStatus.ManualTask, executed.ProviderActionId, executed.PreviousState,
                $"{ActionCatalog.Name(action.Type)} has no automatic rollback: " + TenantActionCatalog.Find(action.Type)?.Rollback);
        }
        catch (TenantApiException error)
        {
            IntegrationLog.ActionFailed(logger, action.Type, action.Target.Key, action.IdempotencyKey, error);
            return ExecutionResults.Failed(error.Message, executed.PreviousState);
        }
    }

    private async Task<ActionExecutionResult> RunOnDeviceAsync(ProposedAction action, MachineActionSpec spec, CancellationToken cancellationToken)
    {
        var (machineId, problem) = await ResolveDeviceAsync(action.Target, cancellationToken).ConfigureAwait(false);
        if (machineId is null)
        {
            return ExecutionResults.Failed(problem!);
        }

        var body = new Dictionary<string, object>(StringComparer.Ordinal);
        if (action.Type == ResponseActionType.IsolateDevice)
        {
            body["IsolationType"] = options.IsolationType;
        }
        else if (action.Type == ResponseActionType.RunAvScan)
        {
            body["ScanType"] = options.ScanType;
        }

        return await runner.RunAsync(action, machineId, spec, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActionExecutionResult> StopAndQuarantineAsync(ProposedAction action, CancellationToken cancellationToken)
    {
        var sha1 = TargetEntities.File(action.Target)?.Sha1;
        if (sha1 is null || !IndicatorRules.HexPattern(40).IsMatch(sha1))
        {
            return ExecutionResults.Failed(
                $"Stop and quarantine needs the file's SHA-1 (40 hexadecimal characters), and target '{action.Target.Key}' has none; the Defender API takes no SHA-256 or MD5 here.");
        }

        var machines = await api.GetFileMachinesAsync(sha1, cancellationToken).ConfigureAwait(false);
        if (machines.Count == 0)
        {
            return ExecutionResults.Failed($"No Defender device reports the file with SHA-1 {sha1}.");
        }

        if (machines.Count > options.MaxQuarantineDevices)
        {
            return ExecutionResults.Failed(
                $"{machines.Count} devices report the file with SHA-1 {sha1}, more than the maximum of {options.MaxQuarantineDevices}; the quarantine is left to a person.");
        }

        var spec = MachineActionSpec.For(ResponseActionType.StopAndQuarantineFile)!;
        var results = new List<ActionExecutionResult>();
        foreach (var machine in machines)
        {
            var body = new Dictionary<string, object>(StringComparer.Ordinal) { ["Sha1"] = sha1.ToLowerInvariant() };
            results.Add(await runner.RunAsync(action, machine.Id, spec, body, cancellationToken).ConfigureAwait(false));
        }

        var ids = string.Join(",", results.Select(result => result.ProviderActionId).Where(id => id is not null));
        var status = results.Any(result => result.Status == ActionExecutionStatus.Failed) ? ActionExecutionStatus.Failed
            : results.All(result => result.Status == ActionExecutionStatus.Succeeded) ? ActionExecutionStatus.Succeeded
            : ActionExecutionStatus.Pending;
        return new ActionExecutionResult(status, ids, Message: string.Join(" ", results.Select(result => result.Message)));
    }

    /// <summary>Finds the Defender device id of a host target: by device id first, then by DNS name.</summary>
    private async Task<(string? MachineId, string? Problem)> ResolveDeviceAsync(ActionTarget target, CancellationToken cancellationToken)
    {
        var host = TargetEntities.Host(target);
        if (host?.DefenderDeviceId is { } deviceId)
        {
            var machine = await api.GetMachineAsync(deviceId, cancellationToken).ConfigureAwait(false);
            return machine is null ? (null, $"Defender has no device with id {deviceId}.") : (machine.Id, null);
        }

        var name = host?.Fqdn ?? host?.HostName;
        if (name is null)
        {
            return (null, $"Target '{target.Key}' has no Defender device id or DNS name to act on.");
        }

        var matches = await api.FindMachinesByDnsNameAsync(name, cancellationToken).ConfigureAwait(false);
        return matches.Count switch
        {
            1 => (matches[0].Id, null),
            0 => (null, $"Defender has no device named '{name}'."),
            _ => (null, $"{matches.Count} Defender devices are named '{name}'; act on the device id instead."),
        };
    }
}
