using System.CommandLine;
using AiSoc.Cli.Commands;

namespace AiSoc.Cli;

/// <summary>Builds the <c>aisoc</c> command tree and runs it with the given output streams.</summary>
public static class CliApplication
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("AiSoc: an AI SOC analyst that triages and correlates security alerts, learns from analyst verdicts and baselines entity behavior.");
        root.Subcommands.Add(TriageCommand.Create(output, error));
        root.Subcommands.Add(BenchCommand.Create(output, error));
        root.Subcommands.Add(TrainCommand.Create(output, error));
        root.Subcommands.Add(EvaluateCommand.Create(output, error));
        root.Subcommands.Add(BaselineCommand.Create(output, error));
        root.Subcommands.Add(TuneCommand.Create(output, error, TimeProvider.System));
        root.Subcommands.Add(TuneApplySuppressionCommand.Create(output, error, TimeProvider.System));
        root.Subcommands.Add(MetricsCommand.Create(output, error));
        root.Subcommands.Add(FakeTenantCommand.Create(output, error));
        root.Subcommands.Add(InvestigateCommand.Create(output, error, Console.In));
        root.Subcommands.Add(ApproveCommand.Create(output, error));

        return root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
