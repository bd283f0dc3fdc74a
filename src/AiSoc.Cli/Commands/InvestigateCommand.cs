using System.CommandLine;
using AiSoc.Approvals;
using AiSoc.Core.Audit;
using AiSoc.Core.Ingest;
using AiSoc.Core.Response;
using AiSoc.Core.Triage;
using AiSoc.FakeTenant;
using AiSoc.Narratives;
using AiSoc.Narratives.Investigations;
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
            Description = "Output folder for case-<incident id>.md, cases.ndjson, case-records.ndjson (for aisoc tune) and the run state (state/); earlier case files and state in it are replaced.",
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
        var tenant = new Option<string?>("--tenant")
        {
            Description = "Tenant JSON file (graphBaseUrl, defenderBaseAddress, optional sentinelArmBaseAddress, credential: default, azure-cli or fake). Enrichment and actions use Microsoft Graph and Defender for Endpoint. Actions are dry runs unless every URL is on loopback or --execute is given.",
        };
        var fakeTenant = new Option<bool>("--fake-tenant")
        {
            Description = "Start the fake lab tenant on 127.0.0.1 for this run and investigate against it; actions change only the fake.",
        };
        var execute = new Option<bool>("--execute")
        {
            Description = "With --tenant: run approved and policy-cleared actions for real. Without it, actions against a non-loopback tenant are dry runs.",
        };
        var narratives = new Option<string?>("--narratives")
        {
            Description = "Narrative options JSON file (NarrativeOptions: provider, endpoint, deployment, apiKey or AISOC_OPENAI_KEY, timeout). A chat model then writes each incident's narrative; without it a template writes it from the incident fields.",
        };
        var synthetic = new Option<int?>("--synthetic")
        {
            Description = "Investigate this many generated incidents instead of files, with in-memory state, and print throughput. For measurement only.",
        };

        var command = new Command("investigate", "Triage alert files and investigate each incident: verdict, response plan, policy, approvals and a case report.")
        {
            paths, outDirectory, approve, playbooks, config, tenant, fakeTenant, execute, narratives, synthetic,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new InvestigateRequest(
                parseResult.GetValue(paths) ?? [],
                parseResult.GetValue(outDirectory)!,
                Enum.Parse<InvestigateApprovalMode>(parseResult.GetValue(approve)!, ignoreCase: true),
                parseResult.GetValue(playbooks)!,
                parseResult.GetValue(config),
                parseResult.GetValue(synthetic))
            {
                TenantPath = parseResult.GetValue(tenant),
                FakeTenant = parseResult.GetValue(fakeTenant),
                Execute = parseResult.GetValue(execute),
                NarrativesPath = parseResult.GetValue(narratives),
            },
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

        if (request.TenantPath is not null && request.FakeTenant)
        {
            error.WriteLine("Give --tenant FILE or --fake-tenant, not both.");
            return ExitCodes.Usage;
        }

        if (request.Execute && request.TenantPath is null)
        {
            error.WriteLine("--execute needs --tenant FILE; without a tenant every action is a dry run, and the fake tenant always runs actions.");
            return ExitCodes.Usage;
        }

        InvestigateTenantSettings? tenantSettings = null;
        if (request.TenantPath is not null)
        {
            try
            {
                tenantSettings = InvestigateTenantSettings.Load(request.TenantPath);
            }
            catch (InvalidDataException exception)
            {
                error.WriteLine(exception.Message);
                return ExitCodes.ConfigError;
            }
        }

        INarrativeWriter narrativeWriter;
        try
        {
            narrativeWriter = InvestigateNarrativeSettings.CreateWriter(request.NarrativesPath);
        }
        catch (InvalidDataException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.ConfigError;
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

        var run = new InvestigateRunSettings(tenantSettings, catalog, new InvestigationNarratives(narrativeWriter, setup.Store));
        return await InvestigateAsync(request, run, setup, output, error, input, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> InvestigateAsync(
        InvestigateRequest request, InvestigateRunSettings run, InvestigateInputs setup, TextWriter output, TextWriter error, TextReader input, CancellationToken cancellationToken)
    {
        var tenantSettings = run.Tenant;
        var catalog = run.Playbooks;
        var state = InvestigateStatePaths.InOutput(request.OutDirectory);

        var inMemory = request.Synthetic is not null;
        IApprovalStore approvals = inMemory ? new InMemoryApprovalStore() : new FileApprovalStore(state.Approvals);
        using var fileAudit = inMemory ? null : new FileAuditLog(state.AuditLog, TimeProvider.System);
        IAuditLog audit = fileAudit ?? (IAuditLog)new InMemoryAuditLog(TimeProvider.System);
        using var notices = new FileNotifier(state.Notices);
        using var caseFiles = new FileCaseRecordSink(request.OutDirectory);
        var triageKey = setup.Inputs.Count > 0 ? setup.Inputs[0].TriageKey : InvestigateSynthetic.TriageKey;
        using var tuningRecords = new InvestigateTuningRecordSink(caseFiles, setup.Store, triageKey, Path.Combine(request.OutDirectory, InvestigateTuningRecordSink.FileName));
        var cases = new NarrativeCaseRecordSink(tuningRecords, run.Narratives);
        using var approver = new LocalApprover(TimeProvider.System, InvestigateLocalIdentity.AuthenticationMethod);
        var approverOptions = approver.Options();
        var handler = new ApprovalHandler(approvals, new ApproverTokenValidator(approverOptions, TimeProvider.System), approverOptions, audit, TimeProvider.System);
        var narratedNotices = new NarrativeApprovalNotifier(notices, run.Narratives, approvals);
        await using var responder = new InvestigateApprovalResponder(request.Approve, handler, approvals, approver, narratedNotices, input, output);

        await using var tenant = request.FakeTenant
            ? await InvestigateTenant.StartFakeAsync(audit).ConfigureAwait(false)
            : tenantSettings is null ? null : InvestigateTenant.Connect(tenantSettings, audit);

        // Actions change a tenant only when it is a loopback test tenant, or when the user asks with --execute.
        var dryRun = tenant is null || !(tenant.IsLoopback || request.Execute);
        var dependencies = InvestigateRun.LocalDependencies(state, catalog, setup.Store, approvals, audit, responder, cases, tenant, dryRun);
        if (request.Approve == InvestigateApprovalMode.All && !dryRun && tenant is not { IsLoopback: true })
        {
            error.WriteLine("--approve all is allowed only when actions are dry runs or aimed at a loopback test tenant; use --approve ask or none.");
            return ExitCodes.Usage;
        }

        if (tenant is not null)
        {
            output.WriteLine(dryRun
                ? "Tenant actions are dry runs: reads reach the tenant, writes are recorded and not sent. Add --execute to run them."
                : $"Tenant actions run for real against {(tenant.Fake is null ? request.TenantPath : "the fake tenant on 127.0.0.1")}.");
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var completed = await InvestigateRun.RunAsync(dependencies, responder, setup.Inputs, cancellationToken).ConfigureAwait(false);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        if (tenant?.Fake is { } fake)
        {
            await File.WriteAllTextAsync(state.FakeTenant, FakeTenantSnapshot.ToJson(fake), CancellationToken.None).ConfigureAwait(false);
        }

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
        var caseFiles = Directory.EnumerateFiles(outDirectory, "case-*.md")
            .Append(Path.Combine(outDirectory, FileCaseRecordSink.CasesFileName))
            .Append(Path.Combine(outDirectory, InvestigateTuningRecordSink.FileName));
        foreach (var file in caseFiles)
        {
            File.Delete(file);
        }
    }

    internal sealed record InvestigateRequest(string[] Paths, string OutDirectory, InvestigateApprovalMode Approve, string PlaybookFolder, string? ConfigPath, int? Synthetic)
    {
        public string? TenantPath { get; init; }

        public bool FakeTenant { get; init; }

        public bool Execute { get; init; }

        public string? NarrativesPath { get; init; }
    }

    /// <summary>What a run uses besides the request: the tenant file, the playbooks and the narratives.</summary>
    private sealed record InvestigateRunSettings(InvestigateTenantSettings? Tenant, PlaybookCatalog Playbooks, InvestigationNarratives Narratives);
}
