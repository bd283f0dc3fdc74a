namespace AiSoc.Cli.Tests;

/// <summary>Runs the <c>aisoc</c> command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = CliApplication.Run(args, output, error);

        return (exitCode, output.ToString(), error.ToString());
    }
}
