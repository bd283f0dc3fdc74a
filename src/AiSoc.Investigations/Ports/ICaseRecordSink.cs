namespace AiSoc.Investigations.Ports;

/// <summary>Receives the finished case record and Markdown case report of each investigation.</summary>
public interface ICaseRecordSink
{
    Task WriteAsync(CaseRecord record, string markdownReport, CancellationToken cancellationToken = default);
}
