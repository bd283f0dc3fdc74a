using AiSoc.Core.Schema;

namespace AiSoc.Investigations;

/// <summary>The verdict of an investigation with the evidence behind it.</summary>
/// <param name="Verdict">The triage verdict of the incident.</param>
/// <param name="Confidence">Confidence from 0 to 1; null when no alert with that verdict carries one.</param>
/// <param name="Score">Incident risk score from 0 to 100.</param>
/// <param name="Evidence">Evidence lines: scorer reasons, alert timeline and enrichment results; may carry attacker-controlled text.</param>
public sealed record VerdictSummary(Verdict Verdict, double? Confidence, int Score, IReadOnlyList<string> Evidence);
