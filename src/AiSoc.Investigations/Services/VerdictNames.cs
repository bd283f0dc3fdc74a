using AiSoc.Core.Schema;

namespace AiSoc.Investigations.Services;

internal static class VerdictNames
{
    public static string Name(Verdict verdict) => verdict switch
    {
        Verdict.Benign => "benign",
        Verdict.Suspicious => "suspicious",
        Verdict.Malicious => "malicious",
        _ => "needs-context",
    };
}
