namespace AiSoc.Cli;

/// <summary>Process exit codes of the <c>aisoc</c> command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Invalid command line (unknown option, missing argument); System.CommandLine uses 1 for parse errors.</summary>
    public const int Usage = 1;

    /// <summary>An input path does not exist or a file cannot be read.</summary>
    public const int InputError = 2;

    /// <summary>The configuration file is missing or invalid.</summary>
    public const int ConfigError = 3;

    /// <summary>The output folder cannot be written.</summary>
    public const int OutputError = 4;
}
