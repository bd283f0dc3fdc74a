using AiSoc.Core.Tests.Support;

namespace AiSoc.Cli.Tests;

public sealed class BenchCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Bench_TemplatesWithInvalidLine_MeasuresTheValidAlerts()
    {
        var templates = Path.Combine(RepositoryRoot(), "samples", "alerts", "edge-cases.ndjson");

        var (exitCode, output, _) = CliRunner.Run("bench", templates, "--size-mb", "1", "--work-dir", Path.Combine(_files.Root, "bench"));

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Templates by format: graph-alert-v2", output, StringComparison.Ordinal);
        Assert.Contains("| Triage: parse, normalize", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_UnknownFormat_ExitsWithInputError()
    {
        var templates = Path.Combine(RepositoryRoot(), "samples", "alerts");

        var (exitCode, output, _) = CliRunner.Run("bench", templates, "--size-mb", "1", "--format", "no-such-format", "--work-dir", Path.Combine(_files.Root, "bench"));

        Assert.Equal(ExitCodes.InputError, exitCode);
        Assert.Contains("'no-such-format'", output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AiSoc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("AiSoc.sln not found above the test binaries.");
    }
}
