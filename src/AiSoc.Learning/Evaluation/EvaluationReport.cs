namespace AiSoc.Learning.Evaluation;

/// <summary>Per-fold results and their means for the learned model and each baseline.</summary>
/// <param name="Split">How the alerts were split, in words.</param>
/// <param name="Folds">Results per fold, each listing every method.</param>
/// <param name="Mean">Per method: per-class metrics and macro-F1 averaged over folds, confusion matrices summed.</param>
public sealed record EvaluationReport(
    string Split,
    int Alerts,
    int Incidents,
    int Organisations,
    IReadOnlyList<IReadOnlyList<MethodResult>> Folds,
    IReadOnlyList<MethodResult> Mean);
