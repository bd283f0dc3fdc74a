namespace AiSoc.Narratives;

/// <summary>Writes an investigation narrative for one incident.</summary>
public interface INarrativeWriter
{
    /// <summary>Writes a narrative. Implementations return a template narrative instead of throwing on model failures.</summary>
    Task<InvestigationNarrative> WriteAsync(NarrativeRequest request, CancellationToken cancellationToken = default);
}
