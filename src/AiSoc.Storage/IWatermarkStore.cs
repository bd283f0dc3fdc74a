namespace AiSoc.Storage;

/// <summary>The last <c>lastUpdateDateTime</c> a poller has read, per source.</summary>
public interface IWatermarkStore
{
    /// <summary>Returns the watermark of <paramref name="source"/>, or null before the first poll.</summary>
    Task<DateTimeOffset?> GetAsync(string source, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="watermark"/> unless a later one is stored, so the watermark never moves back.</summary>
    Task SetAsync(string source, DateTimeOffset watermark, CancellationToken cancellationToken = default);
}
