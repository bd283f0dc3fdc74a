namespace AiSoc.Learning.Evaluation;

/// <summary>The metrics of one method on one test set; decisions are null for methods without thresholds.</summary>
public sealed record MethodResult(string Method, ClassificationMetrics Classification, DecisionMetrics? Decisions);
