using System.Diagnostics;
using System.Reflection;

namespace AiSoc.Functions.Tests.Support;

/// <summary>Runs <c>bicep build --stdout</c> with the Bicep CLI that the test project downloads from NuGet.</summary>
internal static class BicepCli
{
    /// <summary>Compiles a repository file and returns the exit code, the ARM template and the diagnostics.</summary>
    public static (int ExitCode, string Template, string Diagnostics) Build(string relativePath)
    {
        var folder = typeof(BicepCli).Assembly.GetCustomAttribute<BicepPackageAttribute>()!.Folder;
        var bicep = Path.Combine(folder, "tools", "bicep");
        if (!File.Exists(bicep))
        {
            throw new InvalidOperationException($"Bicep CLI not found at {bicep}; restore tests/AiSoc.Functions.Tests, which downloads Azure.Bicep.CommandLine.linux-x64.");
        }

        var start = new ProcessStartInfo(bicep)
        {
            ArgumentList = { "build", RepositoryFiles.PathOf(relativePath), "--stdout" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, errors.Result);
    }
}
