using System.CommandLine;
using System.CommandLine.Parsing;

namespace AiSoc.Cli.Commands;

/// <summary>Rejects option-like tokens that a many-valued path argument would otherwise take as paths.</summary>
internal static class PathArgumentValidation
{
    /// <summary>Adds the check to <paramref name="argument"/>.</summary>
    public static void RejectOptionLikeTokens(Argument<string[]> argument)
    {
        argument.Validators.Add(static (ArgumentResult result) =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value.Length > 1)
                {
                    result.AddError($"Unrecognized option '{token.Value}'. Run the command with --help for the list of options.");
                }
            }
        });
    }
}
