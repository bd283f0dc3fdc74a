namespace AiSoc.Cli.Benchmarks;

/// <summary>Settings of one <c>aisoc bench</c> run.</summary>
internal sealed record BenchSettings(IReadOnlyList<string> TemplatePaths, long TargetBytes, string WorkDirectory, bool Keep, int Workers, string? Format = null);
