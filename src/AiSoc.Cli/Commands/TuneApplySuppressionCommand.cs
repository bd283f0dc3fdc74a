using System.CommandLine;
using AiSoc.Core.Tuning.Reports;
using AiSoc.Core.Tuning.Suppressions;

namespace AiSoc.Cli.Commands;

/// <summary><c>aisoc apply-suppression</c>: add one reviewed suppression proposal to a suppressions file and audit it.</summary>
internal static class TuneApplySuppressionCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        var proposals = new Argument<string>("proposals") { Description = "The proposals.json file that aisoc tune wrote." };
        var id = new Option<string>("--id") { Description = "Id of the suppression proposal to apply.", Required = true };
        var suppressions = new Option<string>("--suppressions")
        {
            Description = "Suppressions file (JSON array) to add the suppression to; created when missing.",
            Required = true,
        };
        var audit = new Option<string>("--audit")
        {
            Description = "Audit file (NDJSON) that gets one line: who applied which proposal, when, and its evidence hash.",
            Required = true,
        };
        var by = new Option<string>("--by") { Description = "Name of the person approving the suppression.", Required = true };

        var command = new Command("apply-suppression", "Apply one reviewed suppression proposal: add it to the suppressions file and append an audit record.")
        {
            proposals, id, suppressions, audit, by,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(proposals)!, parseResult.GetValue(id)!, parseResult.GetValue(suppressions)!,
            parseResult.GetValue(audit)!, parseResult.GetValue(by)!, output, error, timeProvider));
        return command;
    }

    private static int Run(string proposalsPath, string id, string suppressionsPath, string auditPath, string by,
        TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        if (!File.Exists(proposalsPath))
        {
            error.WriteLine($"Input path not found: {proposalsPath}");
            return ExitCodes.InputError;
        }

        ProposalsDocument document;
        try
        {
            document = ProposalsDocument.Read(proposalsPath);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InputError;
        }

        var proposal = document.Proposals.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
        if (proposal is null)
        {
            error.WriteLine($"Proposal {id} not found in {proposalsPath}.");
            return ExitCodes.InputError;
        }

        try
        {
            var suppression = new SuppressionStore(timeProvider).Apply(proposal, suppressionsPath, auditPath, by);
            output.WriteLine($"Applied {suppression.ProposalId}: {suppression.DetectorId} where {suppression.EntityField} = {suppression.EntityValue}, until {suppression.ExpiresAt:yyyy-MM-dd'T'HH:mm:ss'Z'}. Audit record appended to {auditPath}.");
            return ExitCodes.Success;
        }
        catch (SuppressionException exception)
        {
            error.WriteLine(exception.Message);
            return ExitCodes.InputError;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot write {suppressionsPath} or {auditPath}: {exception.Message}");
            return ExitCodes.OutputError;
        }
    }
}
