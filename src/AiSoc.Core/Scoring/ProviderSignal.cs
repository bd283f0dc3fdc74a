namespace AiSoc.Core.Scoring;

/// <summary>The verdict that a provider's classification or determination of an alert expresses.</summary>
internal enum ProviderSignalKind
{
    Malicious,
    Benign,
    FalsePositive,
}

/// <summary>One recognized provider classification or determination, with its canonical name.</summary>
internal readonly record struct ProviderSignal(ProviderSignalKind Kind, string Name);
