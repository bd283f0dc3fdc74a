using System.CommandLine;
using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Ingest;
using AiSoc.Core.Response;
using AiSoc.Core.Triage;
using AiSoc.Investigations;
using AiSoc.Investigations.Ports;
using AiSoc.Investigations.Services;
using AiSoc.Investigations.Stores;
using Microsoft.Extensions.Logging;

namespace AiSoc.Cli.Commands;

/// <summary>
/// <c>aisoc investigate</c>: triage alert files, then run one durable investigation per incident on an in-process
/// host, decide approvals locally and write case reports and <c>cases.ndjson</c>.
/// </summary>
internal static class InvestigateCommand
{
    /// <summary>Exit code when at least one investigation failed rather than completed.</summary>
    public const int InvestigationFailed = 5;

    public static Command Create(TextWriter output, TextWriter error, TextReader input)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Alert files or folders to triage and investigate (as for aisoc triage). Folders are read recursively.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        PathArgumentValidation.RejectOptionLikeTokens(paths);

        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "Output folder for case-<incident id>.md, cases.ndjson and the run state (state/); earlier case files and state in it are replaced.",
            Required = true,
        };
        var approve = new Option<string>("--approve")
        {
            Description = "How approval requests are answered: all (approve every request; dry-run mode only), none (reject every request) or ask (prompt on the terminal).",
            DefaultValueFactory = _ => "ask",
        };
        approve.AcceptOnlyFromAmong("all", "none", "ask");
        var playbooks = new Option<string>("--playbooks")
        {
            Description = "Folder of playbook YAML files. Default: playbooks in the current folder.",
            DefaultValueFactory = _ => "playbooks",
        };
        var config = new Option<string?>("--config", "-c")
        {
            Description = "Triage configuration JSON file (see docs/configuration.md). Defaults apply when omitted.",
        };
        var synthetic = new Option<int?>("--synthetic")
        {
            Description = "Investigate this many generated incidents instead of files, with in-memory state, and print throughput. For measurement only.",
        };

        var command = new Command("investigate", "Triage alert files and investigate each incident: verdict, response plan, policy, approvals and a case report.")
        {
            paths, outDirectory, approve, playbooks, config, synthetic,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new InvestigateRequest(
                parseResult.GetValue(paths) ?? [],
                parseResult.GetValue(outDirectory)!,
                Enum.Parse<InvestigateApprovalMode>(parseResult.GetValue(approve)!, ignoreCase: true),
                parseResult.GetValue(playbooks)!,
                parseResult.GetValue(config),
                parseResult.GetValue(synthetic)),
            output,
            error,
            input,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(InvestigateRequest request, TextWriter output, TextWriter error, TextReader input, CancellationToken cancellationToken)
    {
        if ((request.Paths.Length == 0) == (request.Synthetic is null))
        {
            error.WriteLine("Give alert files or folders to investigate, or --synthetic <count>, but not both.");
            return ExitCodes.Usage;
        }

        if (request.Synthetic is < 1)
        {
            error.WriteLine($"Invalid --synthetic {request.Synthetic}: expected 1 or more.");
            return ExitCodes.Usage;
        }

        PlaybookCatalog catalog;
        try
        {
            catalog = PlaybookLoader.LoadFolder(request.PlaybookFolder);
        }
        catch (PlaybookValidationException exception)
        {
            error.WriteLine($"Invalid playbooks in {request.PlaybookFolder} (set the folder with --playbooks): {exception.Message}");
            return ExitCodes.ConfigError;
        }

        ResetOutput(request.OutDirectory, InvestigateStatePaths.InOutput(request.OutDirectory));
        var setup = request.Synthetic is { } count
            ? await InvestigateInputs.SyntheticAsync(count, cancellationToken).ConfigureAwait(false)
            : await InvestigateInputs.TriageAsync(request, error, cancellationToken).ConfigureAwait(false);
        if (setup.ExitCode is { } failed)
        {
            return failed;
        }

        return await InvestigateAsync(request, catalog, setup, output, error, input, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> InvestigateAsync(InvestigateRequest request, PlaybookCatalog catalog, InvestigateInputs setup, TextWriter output, TextWriter error, TextReader input, CancellationToken cancellationToken)
    {
        var state = InvestigateStatePaths.InOutput(request.OutDirectory);

        var inMemory = request.Synthetic is not null;
        IApprovalStore approvals = inMemory ? new InMemoryApprovalStore() : new FileApprovalStore(state.Approvals);
        using var fileAudit = inMemory ? null : new FileAuditLog(state.AuditLog, TimeProvider.System);
        IAuditLog audit = fileAudit ?? (IAuditLog)new InMemoryAuditLog(TimeProvider.System);
        using var notices = new FileNotifier(state.Notices);
        using var cases = new FileCaseRecordSink(request.OutDirectory);
        using var approver = new LocalApprover(TimeProvider.System, InvestigateLocalIdentity.AuthenticationMethod);
        var approverOptions = approver.Options();
        var handler = new ApprovalHandler(approvals, new ApproverTokenValidator(approverOptions, TimeProvider.System), approverOptions, audit, TimeProvider.System);
        await using var responder = new InvestigateApprovalResponder(request.Approve, handler, approvals, approver, notices, input, output);

        var dependencies = InvestigateRun.LocalDependencies(state, catalog, setup.Store, approvals, audit, responder, cases);
        if (request.Approve == InvestigateApprovalMode.All && !dependencies.Options.DryRun)
        {
            error.WriteLine("--approve all is allowed only in dry-run mode, where no action changes anything; use --approve ask or none.");
            return ExitCodes.Usage;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var completed = await InvestigateRun.RunAsync(dependencies, responder, setup.Inputs, cancellationToken).ConfigureAwait(false);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        InvestigateSummary.Write(output, error, completed, request.OutDirectory, elapsed, request.Synthetic is not null);
        return completed.Any(result => result.Record is null) ? InvestigationFailed : ExitCodes.Success;
    }

    private static void ResetOutput(string outDirectory, InvestigateStatePaths state)
    {
        Directory.CreateDirectory(outDirectory);
        if (Directory.Exists(state.Root))
        {
            Directory.Delete(state.Root, recursive: true);
        }

        Directory.CreateDirectory(state.Root);
        foreach (var file in Directory.EnumerateFiles(outDirectory, "case-*.md").Append(Path.Combine(outDirectory, FileCaseRecordSink.CasesFileName)))
        {
            File.Delete(file);
        }
    }

    internal sealed record InvestigateRequest(string[] Paths, string OutDirectory, InvestigateApprovalMode Approve, string PlaybookFolder, string? ConfigPath, int? Synthetic);
}
