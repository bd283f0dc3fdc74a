namespace AiSoc.Learning.Evaluation;

/// <summary>Precision, recall and F1 of one class.</summary>
public sealed record ClassMetrics(double Precision, double Recall, double F1, int Support);
