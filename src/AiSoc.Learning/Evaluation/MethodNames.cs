namespace AiSoc.Learning.Evaluation;

/// <summary>Names of the evaluated methods as printed and written to JSON.</summary>
public static class MethodNames
{
    public const string LearnedModel = "learned-model";
    public const string Majority = "majority-class";
    public const string RulesOnly = "rules-only";
    public const string PlainGradientBoosting = "plain-gradient-boosting";
}
