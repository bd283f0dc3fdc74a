using System.Globalization;
using AiSoc.Core.Ingest;

namespace AiSoc.Cli;

/// <summary>
/// Prints ingest progress to standard error at most once a second, so long inputs show life without flooding
/// logs. Runs that finish within a second print nothing.
/// </summary>
internal sealed class ConsoleProgress(TextWriter error) : IProgress<IngestProgress>, IDisposable
{
    private readonly long _started = Environment.TickCount64;
    private long _lastPrinted = Environment.TickCount64;
    private bool _printed;

    public void Report(IngestProgress value)
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastPrinted) < 1000)
        {
            return;
        }

        Interlocked.Exchange(ref _lastPrinted, now);
        _printed = true;
        var seconds = Math.Max(0.001, (now - _started) / 1000.0);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  read {value.Records:N0} records, {value.Bytes / 1048576.0:0.0} MiB ({value.Bytes / 1048576.0 / seconds:0.0} MiB/s), now {Path.GetFileName(value.CurrentFile)}"));
    }

    public void Dispose()
    {
        if (_printed)
        {
            error.Flush();
        }
    }
}
