using AiSoc.Core.Schema;

namespace AiSoc.Core.Scoring;

/// <summary>The outcome of scoring one alert.</summary>
/// <param name="Score">Risk score from 0 to 100.</param>
/// <param name="Verdict">Verdict derived from the score and the entity check.</param>
/// <param name="Confidence">How sure the scorer is of the verdict, from 0 to 1; each scorer documents its derivation.</param>
/// <param name="Reasons">One sentence per rule that added or removed points or set the verdict, in the order applied.</param>
public sealed record AlertAssessment(int Score, Verdict Verdict, double Confidence, IReadOnlyList<string> Reasons);
